<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
    <context>
        <name>OneStopError</name>
        <message>
            <location filename="../../src/onestop_desktop/cli/backup.py" />
            <source>Chỉ «backup verify» nhận tên tệp sao lưu</source>
            <translation>Only «backup verify» takes a backup file name</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/backup.py" />
            <source>Thiếu tệp sao lưu cần kiểm tra: onestop backup verify TỆP</source>
            <translation>Missing the backup file to check: onestop backup verify FILE</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/common.py" />
            <source>Không đọc được mật khẩu từ đầu vào chuẩn</source>
            <translation>The password could not be read from standard input</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/common.py" />
            <source>Không có bàn phím để nhập mật khẩu; dùng --password-stdin</source>
            <translation>There is no keyboard to type the password; use --password-stdin</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/common.py" />
            <location filename="../../src/onestop_desktop/ui/admin/users.py" />
            <source>Hai lần nhập mật khẩu không khớp</source>
            <translation>The two passwords do not match</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/common.py" />
            <source>Ngày «{text}» không đúng dạng YYYY-MM-DD hoặc dd/mm/yyyy</source>
            <translation>The date «{text}» is not in the form YYYY-MM-DD or dd/mm/yyyy</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/common.py" />
            <source>Thời điểm «{text}» không đúng dạng «YYYY-MM-DD HH:MM»</source>
            <translation>The moment «{text}» is not in the form «YYYY-MM-DD HH:MM»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/common.py" />
            <source>{flag}: «{text}» không phải số nguyên hợp lệ (cần số từ {low} đến {high})</source>
            <translation>{flag}: «{text}» is not a valid whole number (a number from {low} to {high} is needed)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/common.py" />
            <source>{flag}: «{text}» không phải số nguyên hợp lệ (cần số từ {low} trở lên)</source>
            <translation>{flag}: «{text}» is not a valid whole number (a number of {low} or more is needed)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/dossier.py" />
            <source>--document «{text}» không đúng dạng N[:HÌNH_THỨC[:SỐ_LƯỢNG]]</source>
            <translation>--document «{text}» is not of the form N[:FORM[:COUNT]]</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/dossier.py" />
            <source>--paper và --received-at phải dùng cùng nhau (hồ sơ tiếp nhận trên giấy cần thời điểm tiếp nhận thật)</source>
            <translation>--paper and --received-at go together (a dossier received on paper needs its real receipt time)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/dossier.py" />
            <source>Hồ sơ trực tuyến không nhập từ phiếu giấy được (bỏ --online hoặc --paper)</source>
            <translation>An online dossier cannot be entered from a paper slip (drop --online or --paper)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/dossier.py" />
            <source>Chưa nhập họ tên người nộp (--submitter-name)</source>
            <translation>The submitter's full name is missing (--submitter-name)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/dossier.py" />
            <source>Thao tác không hợp lệ: «{kind}»; chọn một trong: {choices}</source>
            <translation>Invalid action: «{kind}»; choose one of: {choices}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/dossier.py" />
            <source>không có tùy chọn nào</source>
            <translation>no options</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/dossier.py" />
            <source>Thao tác «{label}» không dùng {flags} (dùng được: {accepted})</source>
            <translation>The action «{label}» does not take {flags} (it takes: {accepted})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/report.py" />
            <source>Định dạng {format} cần --out TỆP</source>
            <translation>Format {format} needs --out FILE</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/station.py" />
            <source>Chưa nhập số hiệu máy trạm (--station)</source>
            <translation>The station number is missing (--station)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/station.py" />
            <source>Số hồ sơ mẫu phải không âm</source>
            <translation>The number of sample dossiers must not be negative</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/cli/station.py" />
            <source>Chưa nhập mốc cần ghi (MÃBĂM@SỐ)</source>
            <translation>No anchor given to record (HASH@SEQ)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Giờ làm việc phải có ít nhất một buổi.</source>
            <translation>Office hours must have at least one session.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Buổi làm việc {start}–{end}: giờ bắt đầu phải trước giờ kết thúc.</source>
            <translation>Session {start}–{end}: the start must be before the end.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Các buổi làm việc phải theo thứ tự và không chồng lên nhau: {first} và {second}.</source>
            <translation>Sessions must be in order and must not overlap: {first} and {second}.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Giờ chốt nhận hồ sơ trong ngày ({cutoff}) phải nằm trong giờ làm việc ({opening}–{closing}).</source>
            <translation>The same-day cut-off ({cutoff}) must be within office hours ({opening}–{closing}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Ngày trong lịch làm việc không hợp lệ.</source>
            <translation>Invalid date in the working calendar.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Loại ngày «{kind}» không hợp lệ (chỉ nhận day_off hoặc workday).</source>
            <translation>Invalid day type «{kind}» (only day_off or workday).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Nguồn «{source}» không hợp lệ (chỉ nhận seed, official hoặc manual).</source>
            <translation>Invalid source «{source}» (only seed, official or manual).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Số giờ làm việc phải là số không âm (nhận được {value}).</source>
            <translation>The number of working hours must not be negative (got {value}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Số ngày làm việc phải là số không âm (nhận được {value}).</source>
            <translation>The number of working days must not be negative (got {value}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Lịch làm việc không có ngày làm việc nào trong {days} ngày sau {date}: hãy kiểm tra bảng ngày nghỉ.</source>
            <translation>The working calendar has no working day in the {days} days after {date}: check the table of days off.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Không hiểu đơn vị thời hạn «{text}»: dùng «ngày làm việc», «giờ làm việc», «ngày» hoặc «trong ngày».</source>
            <translation>Unknown time limit unit «{text}»: use «working days», «working hours», «days» or «same day».</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Đơn vị thời hạn «{unit}» không hợp lệ.</source>
            <translation>Invalid time limit unit «{unit}».</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Thời hạn phải là số nguyên (nhận được {value}).</source>
            <translation>The time limit must be a whole number (got {value}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Thời hạn phải từ 0 đến {limit} (nhận được {value}).</source>
            <translation>The time limit must be from 0 to {limit} (got {value}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Chưa nhập thời hạn giải quyết (ví dụ «3 ngày làm việc», «8 giờ làm việc», «30 ngày», «trong ngày»).</source>
            <translation>The processing time limit is missing (for example «3 working days», «8 working hours», «30 days», «same day»).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Không hiểu thời hạn giải quyết «{text}» (ví dụ «3 ngày làm việc», «8 giờ làm việc», «30 ngày», «trong ngày»).</source>
            <translation>Cannot read the processing time limit «{text}» (for example «3 working days», «8 working hours», «30 days», «same day»).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Tệp ngày nghỉ chính thức thiếu danh sách «days».</source>
            <translation>The official days-off file has no «days» list.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Dòng {row} của tệp ngày nghỉ chính thức không hợp lệ.</source>
            <translation>Row {row} of the official days-off file is invalid.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Dòng {row} của tệp ngày nghỉ chính thức có ngày không hợp lệ.</source>
            <translation>Row {row} of the official days-off file has an invalid date.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Dòng {row} của tệp ngày nghỉ chính thức có loại ngày không hợp lệ.</source>
            <translation>Row {row} of the official days-off file has an invalid day type.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Dòng {row} của tệp ngày nghỉ chính thức thiếu ghi chú hoặc văn bản.</source>
            <translation>Row {row} of the official days-off file lacks a note or a document.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Dòng {row} của tệp ngày nghỉ chính thức: thiếu văn bản hoặc trùng ngày {date}.</source>
            <translation>Row {row} of the official days-off file: no document, or {date} listed twice.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/calendar.py" />
            <source>Năm {year} nằm ngoài khoảng hỗ trợ.</source>
            <translation>The year {year} is outside the supported range.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Mã thủ tục</source>
            <translation>Procedure code</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Tên thủ tục</source>
            <translation>Procedure name</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Lĩnh vực</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Cơ quan có thẩm quyền</source>
            <translation>Competent authority</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Thời hạn giải quyết</source>
            <translation>Processing time limit</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Đơn vị thời hạn</source>
            <translation>Time limit unit</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Phí, lệ phí</source>
            <translation>Fees and charges</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Mức thu (đồng)</source>
            <translation>Amount (dong)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Thành phần hồ sơ</source>
            <translation>Required documents</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Kết quả</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Căn cứ pháp lý</source>
            <translation>Legal basis</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Liên thông</source>
            <translation>Inter-agency</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Công khai</source>
            <translation>Published</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Phiên bản</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Ghi chú</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>tên thủ tục</source>
            <translation>the procedure name</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>lĩnh vực</source>
            <translation>the field</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>cơ quan có thẩm quyền</source>
            <translation>the competent authority</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{label} có ký tự điều khiển không hợp lệ (mã U+{code}).</source>
            <translation>{label} contains a control character that is not allowed (code U+{code}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Chưa nhập {label}.</source>
            <translation>Enter {label}.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{label} dài {length} ký tự, quá giới hạn {limit} ký tự.</source>
            <translation>{label} is {length} characters long, over the limit of {limit} characters.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Mã thủ tục «{code}» không đúng dạng: cần mã quốc gia N.NNNNNN (ví dụ 1.001193) hoặc mã của tỉnh (ví dụ 1.001193.000.00.00.H56).</source>
            <translation>The procedure code «{code}» is malformed: a national code N.NNNNNN (for example 1.001193) or a provincial code (for example 1.001193.000.00.00.H56) is needed.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Hình thức giấy tờ «{form}» không hợp lệ: dùng «Bản chính», «Bản sao có chứng thực» hoặc «Bản sao».</source>
            <translation>Invalid document form «{form}»: use «Original», «Certified copy» or «Copy».</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Thành phần hồ sơ có giấy tờ chưa nhập tên.</source>
            <translation>A required document has no name.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Số lượng của giấy tờ «{name}» phải từ 1 đến {limit} (nhận được {value}).</source>
            <translation>The count of document «{name}» must be from 1 to {limit} (got {value}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Thành phần hồ sơ có {count} giấy tờ, quá giới hạn {limit}.</source>
            <translation>The list of required documents has {count} documents, over the limit of {limit}.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Giấy tờ «{name}» có quá nhiều phần: viết «tên|hình thức|số lượng».</source>
            <translation>Document «{name}» has too many parts: write «name|form|count».</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Số lượng của giấy tờ «{name}» phải là số nguyên (nhận được «{value}»).</source>
            <translation>The count of document «{name}» must be a whole number (got «{value}»).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Thời hạn giải quyết không hợp lệ.</source>
            <translation>Invalid processing time limit.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Mức thu phải là số đồng không âm, hoặc để trống nếu theo HĐND tỉnh (nhận được {value}).</source>
            <translation>The amount must be a non-negative number of dong, or empty if set by the Provincial People's Council (got {value}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Thành phần hồ sơ không hợp lệ.</source>
            <translation>Invalid required documents.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{label} phải là có hoặc không.</source>
            <translation>{label} must be yes or no.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Phiên bản phải là số nguyên từ 1 (nhận được {value}).</source>
            <translation>The version must be a whole number from 1 (got {value}).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{label}: «{value}» không hiểu được, hãy ghi «có» hoặc «không».</source>
            <translation>{label}: «{value}» cannot be read; write «yes» or «no».</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{label} phải là số nguyên.</source>
            <translation>{label} must be a whole number.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{label} phải là số nguyên (nhận được «{value}»).</source>
            <translation>{label} must be a whole number (got «{value}»).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{label} phải là văn bản.</source>
            <translation>{label} must be text.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Chưa nhập thời hạn giải quyết.</source>
            <translation>The processing time limit is missing.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/catalog.py" />
            <source>Chưa nhập đơn vị thời hạn (ngày làm việc, giờ làm việc, ngày, trong ngày).</source>
            <translation>The time limit unit is missing (working days, working hours, days, same day).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/codes.py" />
            <source>Mã định danh đơn vị «{code}» không đúng dạng LLL.KK.JJ.XNN (ví dụ 000.00.12.H29)</source>
            <translation>The unit's agency code «{code}» is not in the form LLL.KK.JJ.XNN (for example 000.00.12.H29)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/codes.py" />
            <source>Số hiệu máy trạm phải từ 1 đến {limit} (nhận được {value})</source>
            <translation>The station number must be from 1 to {limit} (got {value})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/codes.py" />
            <source>Mã hồ sơ «{code}» không đúng dạng</source>
            <translation>The dossier code «{code}» is malformed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Giới tính không hợp lệ: «{sex}» (ghi «Nam» hoặc «Nữ»)</source>
            <translation>Invalid sex: «{sex}» (write «Male» or «Female»)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>nữ</source>
            <translation>female</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>nam</source>
            <translation>male</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chưa nhập số định danh</source>
            <translation>The ID number is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số định danh chỉ được gồm chữ số</source>
            <translation>The ID number may contain digits only</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số định danh phải có đúng 12 chữ số (đã nhập {count} chữ số)</source>
            <translation>The ID number must have exactly 12 digits ({count} digits entered)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Mã tỉnh {code} không tồn tại</source>
            <translation>There is no province code {code}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Ngày sinh {date} nằm trong tương lai</source>
            <translation>The birth date {date} is in the future</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chữ số thứ 4 (thế kỷ/giới tính) không khớp năm sinh {year}: số {digit} dành cho người sinh năm {first}–{last}</source>
            <translation>Digit 4 (century/sex) does not match the birth year {year}: {digit} is for people born in {first}–{last}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chữ số thứ 5–6 ({digits}) không khớp năm sinh {year}: phải là {expected}</source>
            <translation>Digits 5–6 ({digits}) do not match the birth year {year}: they must be {expected}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chữ số thứ 4–6 ({digits}) cho năm sinh {year}, là năm trong tương lai</source>
            <translation>Digits 4–6 ({digits}) give the birth year {year}, which is in the future</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chữ số thứ 4 (thế kỷ/giới tính) là {digit}, dành cho giới tính {encoded}, không khớp giới tính {wanted}</source>
            <translation>Digit 4 (century/sex) is {digit}, which is for {encoded}, and does not match the sex {wanted}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chứng minh nhân dân 9 số không còn giá trị từ 01/01/2025; hãy nhập số định danh cá nhân 12 số</source>
            <translation>The 9-digit identity card (CMND) is no longer valid since 01/01/2025; enter the 12-digit personal ID number</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số định danh phải có đúng 12 chữ số (hoặc 9 chữ số nếu là chứng minh nhân dân cũ); đã nhập {count} chữ số</source>
            <translation>The ID number must have exactly 12 digits (or 9 digits for an old identity card); {count} digits entered</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số định danh phải có đúng 12 chữ số; đã nhập {count} chữ số</source>
            <translation>The ID number must have exactly 12 digits; {count} digits entered</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chưa nhập số điện thoại</source>
            <translation>The phone number is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số điện thoại {phone} không phải số Việt Nam (+84)</source>
            <translation>The phone number {phone} is not a Vietnamese number (+84)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số điện thoại chỉ được gồm chữ số (có thể có dấu cách, dấu chấm, dấu gạch ngang, +84)</source>
            <translation>The phone number may contain digits only (spaces, dots, dashes and +84 are allowed)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số điện thoại {phone} phải bắt đầu bằng 0 hoặc +84</source>
            <translation>The phone number {phone} must start with 0 or +84</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số điện thoại {phone} quá ngắn</source>
            <translation>The phone number {phone} is too short</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số máy bàn phải có 11 chữ số (đã nhập {count} chữ số)</source>
            <translation>A landline number must have 11 digits ({count} digits entered)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Số di động phải có 10 chữ số (đã nhập {count} chữ số)</source>
            <translation>A mobile number must have 10 digits ({count} digits entered)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Đầu số {prefix} đã đổi sang đầu số mới từ năm 2018; hãy nhập số 10 chữ số mới</source>
            <translation>The prefix {prefix} was replaced in 2018; enter the new 10-digit number</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Đầu số {prefix} không phải đầu số điện thoại Việt Nam</source>
            <translation>{prefix} is not a Vietnamese phone prefix</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Họ tên không được chứa chữ số</source>
            <translation>A name must not contain digits</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Họ tên chứa ký tự không hợp lệ: «{char}»</source>
            <translation>The name contains an invalid character: «{char}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Họ tên phải có ít nhất 2 chữ cái</source>
            <translation>A name must have at least 2 letters</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Chưa nhập ngày sinh</source>
            <translation>The birth date is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Ngày sinh «{text}» không đúng dạng ngày/tháng/năm (ví dụ 05/09/1990)</source>
            <translation>The birth date «{text}» is not in the form day/month/year (for example 05/09/1990)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Ngày sinh {text} không có thật</source>
            <translation>The birth date {text} does not exist</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Năm sinh {year} không hợp lệ (phải từ {earliest})</source>
            <translation>Invalid birth year {year} (it must be {earliest} or later)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Nội dung có ký tự điều khiển (mã U+{code}), không được phép</source>
            <translation>The text contains a control character (U+{code}), which is not allowed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Nội dung dài {length} ký tự, quá giới hạn {limit} ký tự</source>
            <translation>The text is {length} characters long, over the limit of {limit}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/identity.py" />
            <source>Địa chỉ email «{email}» không đúng dạng</source>
            <translation>The email address “{email}” is not valid</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>Sự kiện số {seq} của máy trạm {station} (loại «{kind}») không hợp lệ: trường «{name}» {reason}</source>
            <translation>Event {seq} of station {station} (kind «{kind}») is invalid: field «{name}» {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>là loại sự kiện lạ</source>
            <translation>is an unknown event kind</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>là phiên bản {version}, mới hơn phiên bản phần mềm này đọc được ({known}); hãy cập nhật phần mềm</source>
            <translation>is version {version}, newer than this software can read ({known}); update the software</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là chuỗi chữ</source>
            <translation>must be a text string</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là số nguyên</source>
            <translation>must be a whole number</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là true hoặc false</source>
            <translation>must be true or false</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là một thời điểm ISO 8601</source>
            <translation>must be an ISO 8601 moment</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là một ngày dạng YYYY-MM-DD</source>
            <translation>must be a date in the form YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là một trong: {choices}</source>
            <translation>must be one of: {choices}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là một danh sách</source>
            <translation>must be a list</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là một danh sách {size} phần tử</source>
            <translation>must be a list of {size} items</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải là một đối tượng JSON</source>
            <translation>must be a JSON object</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>không có trong định dạng của loại này</source>
            <translation>is not in the format of this kind</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>bị thiếu</source>
            <translation>is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/payloads.py" />
            <source>phải từ 1 trở lên</source>
            <translation>must be 1 or more</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/projection.py" />
            <source>Sự kiện số {seq} của máy trạm {station} tạo lại hồ sơ {dossier} đã có</source>
            <translation>Event {seq} of station {station} creates dossier {dossier} again, which already exists</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/projection.py" />
            <source>Sự kiện số {seq} của máy trạm {station} (loại «{kind}») không thuộc hồ sơ nào</source>
            <translation>Event {seq} of station {station} (kind «{kind}») belongs to no dossier</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/projection.py" />
            <source>Sự kiện số {seq} của máy trạm {station} (loại «{kind}») thuộc hồ sơ {dossier} chưa được tạo</source>
            <translation>Event {seq} of station {station} (kind «{kind}») belongs to dossier {dossier}, which has not been created</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/roles.py" />
            <source>Cán bộ tiếp nhận</source>
            <translation>Reception clerk</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/roles.py" />
            <source>Chuyên viên xử lý</source>
            <translation>Processing officer</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/roles.py" />
            <source>Lãnh đạo</source>
            <translation>Leader</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/roles.py" />
            <source>Quản trị</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/roles.py" />
            <source>Vận hành (dòng lệnh)</source>
            <translation>Operator (command line)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/roles.py" />
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Vai trò không hợp lệ: {value} (chọn clerk, officer, leader hoặc admin)</source>
            <translation>Invalid role: {value} (choose clerk, officer, leader or admin)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/stats.py" />
            <source>Ngày bắt đầu kỳ báo cáo ({start}) phải trước hoặc bằng ngày kết thúc ({end})</source>
            <translation>The start of the report period ({start}) must be on or before its end ({end})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/stats.py" />
            <source>Kênh tiếp nhận không hợp lệ: «{channel}» (online, in_person hoặc postal)</source>
            <translation>Invalid intake channel: «{channel}» (online, in_person or postal)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/stats.py" />
            <source>Trạng thái hiện tại ({current}) không khớp trạng thái cuối trong lịch sử ({last})</source>
            <translation>The current status ({current}) does not match the last status in the history ({last})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Mới đăng ký</source>
            <translation>Newly registered</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Được tiếp nhận</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Không được tiếp nhận</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Đang xử lý</source>
            <translation>Processing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Yêu cầu bổ sung giấy tờ</source>
            <translation>Documents to be supplemented</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
            <translation>Financial obligation requested</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Công dân yêu cầu rút hồ sơ</source>
            <translation>Withdrawn at the citizen's request</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Dừng xử lý</source>
            <translation>Processing stopped</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Đã xử lý xong</source>
            <translation>Processed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Đã trả kết quả</source>
            <translation>Result returned</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Trạng thái không hợp lệ: {value}</source>
            <translation>Invalid status: {value}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Đăng ký trực tuyến</source>
            <translation>Register online</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Tiếp nhận hồ sơ</source>
            <translation>Receive the dossier</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Tiếp nhận hồ sơ trực tuyến</source>
            <translation>Accept the online dossier</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Từ chối tiếp nhận</source>
            <translation>Refuse the dossier</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Chuyển xử lý</source>
            <translation>Hand over for processing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Yêu cầu bổ sung hồ sơ</source>
            <translation>Request supplementary documents</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Nhận hồ sơ bổ sung</source>
            <translation>Receive supplementary documents</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Đã thực hiện nghĩa vụ tài chính</source>
            <translation>Financial obligation fulfilled</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Có kết quả</source>
            <translation>Result ready</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Trả kết quả</source>
            <translation>Return the result</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Rút hồ sơ</source>
            <translation>Withdraw the dossier</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Xin lỗi và hẹn lại ngày trả</source>
            <translation>Apologise and set a new return date</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/domain/status.py" />
            <source>Không thể «{action}» khi hồ sơ đang ở trạng thái «{status}»</source>
            <translation>Cannot «{action}» while the dossier is in the status «{status}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>ổ đĩa chỉ cho phép đọc</source>
            <translation>the disk is read-only</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>không có quyền ghi</source>
            <translation>no permission to write</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>ổ đĩa đã đầy</source>
            <translation>the disk is full</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>tệp quá lớn cho ổ đĩa này</source>
            <translation>the file is too large for this disk</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>đường dẫn đi qua một tệp, không phải thư mục</source>
            <translation>the path goes through a file, not a folder</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>đó là một thư mục</source>
            <translation>it is a folder</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>lỗi đọc ghi ổ đĩa (USB bị rút hoặc ổ hỏng)</source>
            <translation>disk read/write error (USB stick pulled out or faulty disk)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>{error}</source>
            <translation>{error}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/files.py" />
            <source>Không ghi được tệp {path}: {reason}</source>
            <translation>Cannot write the file {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/reports/report06.py" />
            <source>Định dạng báo cáo không hỗ trợ: {format}</source>
            <translation>Unsupported report format: {format}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>Không nhận được tệp {name}: {reason}</source>
            <translation>The file {name} was not accepted: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp không còn ở đó</source>
            <translation>the file is no longer there</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>đây là một thư mục, không phải tệp</source>
            <translation>it is a folder, not a file</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp đang bị chương trình khác giữ (máy quét còn đang ghi?), chưa đọc được</source>
            <translation>the file is held by another program (is the scanner still writing it?) and cannot be read yet</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>không đọc được tệp</source>
            <translation>the file cannot be read</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>không phải tệp thường (ống dẫn, thiết bị…)</source>
            <translation>it is not a regular file (a pipe, a device…)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp rỗng</source>
            <translation>the file is empty</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp quá lớn ({size} MB, tối đa {limit} MB)</source>
            <translation>the file is too large ({size} MB, at most {limit} MB)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>không phải ảnh JPEG, PNG, TIFF hay tệp PDF</source>
            <translation>it is not a JPEG, PNG or TIFF image or a PDF file</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp có {pages} trang, tối đa {limit} trang</source>
            <translation>the file has {pages} pages, at most {limit} pages</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>trang {page} quá lớn ({width}×{height} điểm ảnh)</source>
            <translation>page {page} is too large ({width}×{height} pixels)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>ảnh quá lớn (nghi là tệp độc hại)</source>
            <translation>the image is too large (suspected malicious file)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp bị hỏng hoặc chưa ghi xong</source>
            <translation>the file is damaged or not completely written</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp PDF bị cắt cụt (thiếu phần kết)</source>
            <translation>the PDF file is truncated (its end is missing)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp PDF có mật khẩu</source>
            <translation>the PDF file is password-protected</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp PDF không có trang nào</source>
            <translation>the PDF file has no pages</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/check.py" />
            <source>tệp PDF bị hỏng</source>
            <translation>the PDF file is damaged</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/scanning/watch.py" />
            <source>tệp vẫn bị chương trình khác giữ sau {tries} lần thử (máy quét còn đang ghi?); tệp để nguyên trong thư mục, sẽ tiếp tục thử</source>
            <translation>the file is still held by another program after {tries} tries (is the scanner still writing it?); it stays in the folder and will be tried again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/actions.py" />
            <source>Chưa nhập số tiền</source>
            <translation>No amount entered</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/actions.py" />
            <source>Số tiền «{value}» không hợp lệ: nhập số đồng, ví dụ 1.500.000</source>
            <translation>The amount “{value}” is not valid: enter a whole number of dong, e.g. 1.500.000</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/actions.py" />
            <source>Số tiền quá lớn (tối đa {limit} đ)</source>
            <translation>The amount is too large (at most {limit} ₫)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/actions.py" />
            <source>Số định danh của người nhận kết quả không hợp lệ: {reason}</source>
            <translation>The collector's ID number is not valid: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>bản sao lưu</source>
            <translation>backup</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>báo cáo</source>
            <translation>report</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>bảng tổng hợp ngày</source>
            <translation>daily summary</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>nhập tay</source>
            <translation>typed in</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <location filename="../../src/onestop_desktop/services/backup_scans.py" />
            <source>khôi phục</source>
            <translation>restore</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>xác nhận của cấp huyện</source>
            <translation>district acknowledgement</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>Mốc «{text}» không đúng dạng MÃBĂM@SỐ hoặc MÃBĂM@MÁYTRẠM:SỐ (mã băm 16–64 chữ số thập lục phân), ví dụ a1b2c3d4e5f60718@1:2345</source>
            <translation>Anchor «{text}» is not in the form HASH@SEQ or HASH@STATION:SEQ (a hash of 16–64 hexadecimal digits), for example a1b2c3d4e5f60718@1:2345</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>Cơ sở dữ liệu trong bộ nhớ không có thư mục mốc</source>
            <translation>An in-memory database has no anchors folder</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>dòng {line} của tệp mốc anchors.jsonl không đọc được</source>
            <translation>line {line} of the anchors file anchors.jsonl cannot be read</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>chuỗi của máy trạm {station} chỉ còn {count} sự kiện, ít hơn mốc số {seq} ghi lúc {at} (nguồn: {source}): sự kiện cuối bị xóa hoặc nhật ký bị xóa</source>
            <translation>the chain of station {station} has only {count} events, fewer than anchor number {seq} recorded at {at} (source: {source}): the last events or the whole log were deleted</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>khác</source>
            <translation>other</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/anchors.py" />
            <source>sự kiện số {seq} của máy trạm {station} không còn mang mã băm {hash} đã ghi làm mốc lúc {at} (nguồn: {source}): chuỗi đã bị thay hoặc băm lại</source>
            <translation>event {seq} of station {station} no longer carries the hash {hash} recorded as an anchor at {at} (source: {source}): the chain was replaced or re-hashed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Tệp {name} đã có trong hồ sơ {code}: không thêm lần nữa</source>
            <translation>The file {name} is already in dossier {code}: it is not added again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Cơ sở dữ liệu trong bộ nhớ không có thư mục để lưu bản quét</source>
            <translation>An in-memory database has no folder to store scans in</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>Tài khoản {user} ({role}) không có quyền «{action}»</source>
            <translation>The account {user} ({role}) may not «{action}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>đính kèm bản quét</source>
            <translation>attach scans</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Không tìm thấy hồ sơ «{key}»</source>
            <translation>Dossier «{key}» not found</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Chưa chọn tệp nào để đính kèm</source>
            <translation>No file chosen to attach</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Hồ sơ {code} không có giấy tờ số {item}</source>
            <translation>Dossier {code} has no document number {item}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>tệp thay đổi trong lúc đọc (máy quét còn đang ghi?)</source>
            <translation>the file changed while it was read (is the scanner still writing it?)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Hồ sơ {code} không có tệp {file}</source>
            <translation>Dossier {code} has no file {file}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Chỉ xoay được 90, 180 hoặc 270 độ, không phải {degrees}</source>
            <translation>Pages turn only by 90, 180 or 270 degrees, not {degrees}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Tệp {name} không có trang {page}</source>
            <translation>The file {name} has no page {page}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Thứ tự mới phải liệt kê đúng mỗi tệp của hồ sơ {code} một lần</source>
            <translation>The new order must list every file of dossier {code} exactly once</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Hồ sơ {code} chưa có bản quét nào</source>
            <translation>Dossier {code} has no scans yet</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Thêm {pages} trang quét: {document}</source>
            <translation>Added {pages} scanned page(s): {document}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Thêm {pages} trang quét</source>
            <translation>Added {pages} scanned page(s)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Xóa {pages} trang quét: {document}</source>
            <translation>Removed {pages} scanned page(s): {document}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Xóa {pages} trang quét</source>
            <translation>Removed {pages} scanned page(s)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>tệp {name}</source>
            <translation>file {name}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Xoay trang {page} sang {degrees}°</source>
            <translation>Turned page {page} to {degrees}°</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Xoay mọi trang sang {degrees}°</source>
            <translation>Turned every page to {degrees}°</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Sắp xếp lại các trang quét</source>
            <translation>Reordered the scanned pages</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{count} tệp theo thứ tự mới</source>
            <translation>{count} file(s) in a new order</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>sự kiện {kind}</source>
            <translation>event {kind}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/attachments.py" />
            <source>Bản quét</source>
            <translation>Scan</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Sự kiện loại «{kind}» ghi sai: thiếu hoặc thừa mã hồ sơ</source>
            <translation>An event of kind «{kind}» is malformed: a dossier code is missing or superfluous</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Khởi tạo máy trạm</source>
            <translation>Station set up</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Thêm tài khoản</source>
            <translation>Add account</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Đổi mật khẩu</source>
            <translation>Change password</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Đặt lại mật khẩu</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Đổi vai trò</source>
            <translation>Change role</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Vô hiệu hóa tài khoản</source>
            <translation>Deactivate account</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Mở khóa tài khoản</source>
            <translation>Unlock account</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Sửa lịch làm việc</source>
            <translation>Change the working calendar</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Bỏ một ngày khỏi lịch</source>
            <translation>Remove a day from the calendar</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Đổi thiết lập</source>
            <translation>Change a setting</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Nhập danh mục thủ tục</source>
            <translation>Import the procedure catalogue</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Thêm tệp quét</source>
            <translation>Add a scanned file</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Bỏ tệp quét</source>
            <translation>Remove a scanned file</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Xoay trang quét</source>
            <translation>Rotate scanned pages</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Sắp xếp lại tệp quét</source>
            <translation>Reorder scanned files</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>ngày làm bù</source>
            <translation>make-up working day</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>ngày nghỉ</source>
            <translation>day off</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Nhập từ sổ theo dõi</source>
            <translation>Imported from the tracking ledger</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{kind}</source>
            <translation>{kind}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Đơn vị {unit} ({code}), máy trạm {station}</source>
            <translation>Unit {unit} ({code}), station {station}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{username} — {name} ({role})</source>
            <translation>{username} — {name} ({role})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{username}: {old} → {new}</source>
            <translation>{username}: {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Tài khoản {username}</source>
            <translation>Account {username}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{day}: {what} — {note}</source>
            <translation>{day}: {what} — {note}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{day}: {what}</source>
            <translation>{day}: {what}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{day}</source>
            <translation>{day}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>mặc định</source>
            <translation>default</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>{key}: {old} → {new}</source>
            <translation>{key}: {old} → {new}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Tệp {file}: {added} thủ tục mới, {updated} thủ tục có phiên bản mới</source>
            <translation>File {file}: {added} new procedures, {updated} procedures with a new version</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Tệp {name} ({pages} trang)</source>
            <translation>File {name} ({pages} pages)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Xoay {degrees}°, trang {page}</source>
            <translation>Rotated {degrees}°, page {page}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Xoay {degrees}°, mọi trang</source>
            <translation>Rotated {degrees}°, every page</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Người vận hành máy ({who})</source>
            <translation>Computer operator ({who})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Công dân (nộp trực tuyến)</source>
            <translation>Citizen (filed online)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>Khoảng ngày không hợp lệ: từ ngày {start} đến ngày {end}</source>
            <translation>Invalid date range: from {start} to {end}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/audit.py" />
            <source>(nội dung sự kiện không đọc được)</source>
            <translation>(the event cannot be read)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/autobackup.py" />
            <source>không thấy nơi sao lưu thứ hai {folder} (USB chưa cắm hoặc ổ chưa gắn); bản sao lưu trong thư mục dữ liệu vẫn còn, sẽ sao lưu khi cắm vào</source>
            <translation>the second backup place {folder} was not found (USB stick not plugged in or disk not mounted); the backup in the data folder is still there, and a copy will be made when it is plugged in</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/autobackup.py" />
            <source>nơi sao lưu thứ hai {folder} chỉ cho phép đọc (USB bị khóa ghi?); không ghi được bản sao lưu vào đó, không có gì bị xóa</source>
            <translation>the second backup place {folder} is read-only (USB stick write-protected?); no backup could be written there, nothing was deleted</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/autobackup.py" />
            <source>hôm nay đã có bản sao lưu</source>
            <translation>there is already a backup from today</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/autobackup.py" />
            <source>không sao lưu được vào {folder}: {reason}; không có gì bị xóa</source>
            <translation>could not back up to {folder}: {reason}; nothing was deleted</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/autobackup.py" />
            <source>không sao lưu được vào {folder}: lỗi ổ đĩa ({reason}); không có gì bị xóa</source>
            <translation>could not back up to {folder}: disk error ({reason}); nothing was deleted</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/backup.py" />
            <source>sao lưu</source>
            <translation>back up</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/backup.py" />
            <source>bản sao lưu là của máy trạm {their_station} đơn vị {their_unit}, máy này là máy trạm {our_station} đơn vị {our_unit}</source>
            <translation>the backup belongs to station {their_station} of unit {their_unit}; this PC is station {our_station} of unit {our_unit}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/backup.py" />
            <source>khóa ký của máy trạm trong thư mục keys/ không khớp khóa công khai ghi trong bản sao lưu</source>
            <translation>the station signing key in the keys/ folder does not match the public key recorded in the backup</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/backup.py" />
            <source>Không khôi phục: {reason}. Nếu thật sự muốn dùng bản sao lưu này, chạy lại với --other-station: máy này sẽ tiếp tục chuỗi sự kiện với tư cách máy trạm {station} của đơn vị {unit}, khóa ký trong keys/ không ký được cho máy trạm đó (cất khóa này đi rồi chép khóa của máy trạm đó vào keys/ trước khi đồng bộ), và không được để hai máy cùng chạy một số máy trạm</source>
            <translation>Not restored: {reason}. If you really want to use this backup, run again with --other-station: this PC will continue the event chain as station {station} of unit {unit}, the signing key in keys/ cannot sign for that station (put it away and copy that station's key into keys/ before syncing), and two PCs must never run as the same station</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/backup_scans.py" />
            <source>Không đủ chỗ trống ở {folder} để {action}: cần khoảng {need}, chỉ còn {free}; chưa ghi gì. Hãy giải phóng chỗ trống hoặc chọn ổ khác</source>
            <translation>Not enough free space in {folder} to {action}: about {need} needed, only {free} left; nothing was written. Free some space or choose another drive</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/calendar.py" />
            <source>Tệp ngày nghỉ chính thức bị hỏng.</source>
            <translation>The official days-off file is damaged.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/calendar.py" />
            <source>Chưa nhập lý do cho ngày nghỉ/làm bù</source>
            <translation>No reason entered for the day off / make-up working day</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/calendar.py" />
            <source>Ngày {day} không có trong bảng ngày nghỉ/làm bù</source>
            <translation>The date {day} is not in the table of days off and make-up working days</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog.py" />
            <source>Không có thủ tục mã «{code}» trong danh mục</source>
            <translation>There is no procedure with code «{code}» in the catalogue</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog.py" />
            <source>Không có phiên bản {version} của thủ tục {code}</source>
            <translation>There is no version {version} of procedure {code}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog.py" />
            <source>Tệp danh mục có lỗi, chưa nhập gì: dòng {line}, cột {column}: {reason}. Sửa tệp hoặc dùng --skip-bad-rows</source>
            <translation>The catalogue file has errors; nothing was imported: line {line}, column {column}: {reason}. Fix the file or use --skip-bad-rows</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog.py" />
            <source>Tệp danh mục có lỗi, chưa nhập gì: dòng {line}, cột {column}: {reason} (và {more} lỗi khác). Sửa tệp hoặc dùng --skip-bad-rows</source>
            <translation>The catalogue file has errors; nothing was imported: line {line}, column {column}: {reason} (and {more} other errors). Fix the file or use --skip-bad-rows</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog.py" />
            <source>Tệp danh mục «{file}» có lỗi, chưa nhập gì: dòng {line}, cột {column}: {reason}</source>
            <translation>The catalogue file «{file}» has errors; nothing was imported: line {line}, column {column}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Không hỗ trợ định dạng của tệp «{file}» ({format}): chỉ nhận .csv, .xlsx hoặc .json.</source>
            <translation>The format of the file «{file}» ({format}) is not supported: only .csv, .xlsx or .json.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Không hỗ trợ định dạng của tệp «{file}»: chỉ nhận .csv, .xlsx hoặc .json.</source>
            <translation>The format of the file «{file}» is not supported: only .csv, .xlsx or .json.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Không tìm thấy tệp danh mục «{file}».</source>
            <translation>The catalogue file «{file}» was not found.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Không đọc được tệp «{file}».</source>
            <translation>Cannot read the file «{file}».</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Tệp «{file}» lớn {size} byte, quá giới hạn {limit} byte của một tệp danh mục.</source>
            <translation>The file «{file}» is {size} bytes, over the limit of {limit} bytes for a catalogue file.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Tệp «{file}» không phải văn bản UTF-8 (dòng {line}, byte {column}). Trong Excel hãy lưu lại bằng «CSV UTF-8 (Comma delimited)».</source>
            <translation>The file «{file}» is not UTF-8 text (line {line}, byte {column}). In Excel, save it again as «CSV UTF-8 (Comma delimited)».</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Tệp CSV hỏng ở dòng {line}.</source>
            <translation>The CSV file is broken at line {line}.</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Không mở được tệp Excel «{file}» (tệp hỏng hoặc không phải .xlsx).</source>
            <translation>Cannot open the Excel file «{file}» (it is damaged or not .xlsx).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/catalog_files.py" />
            <source>Không đọc được tệp Excel «{file}» từ dòng {line} (tệp hỏng hoặc bị cắt cụt).</source>
            <translation>The Excel file «{file}» cannot be read from line {line} (the file is damaged or cut short).</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>Cơ sở dữ liệu chưa được khởi tạo; hãy chạy «onestop init»</source>
            <translation>The database has not been initialised; run «onestop init»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>quản lý tài khoản</source>
            <translation>manage accounts</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>quản lý danh mục thủ tục</source>
            <translation>manage the procedure catalogue</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>quản lý lịch làm việc</source>
            <translation>manage the working calendar</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>đồng bộ dữ liệu</source>
            <translation>synchronise data</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>xem báo cáo</source>
            <translation>view reports</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>xem hồ sơ</source>
            <translation>view dossiers</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>nhập sổ theo dõi cũ</source>
            <translation>import an old ledger</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>Tài khoản {user} đã bị vô hiệu hóa; phiên làm việc này đã kết thúc</source>
            <translation>Account {user} has been deactivated; this session has ended</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>Vai trò của tài khoản {user} đã thay đổi; hãy đăng nhập lại</source>
            <translation>The role of account {user} has changed; please sign in again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>Tài khoản {user} ({role}) không có quyền {what}</source>
            <translation>The account {user} ({role}) may not {what}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/context.py" />
            <source>{permission}</source>
            <translation>{permission}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dashboard.py" />
            <source>Ngày xem tổng quan ({day}) chưa tới</source>
            <translation>The dashboard day ({day}) has not come yet</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/demo.py" />
            <source>Thư mục này là dữ liệu thật của một máy trạm; chỉ tạo dữ liệu mẫu trong một thư mục dữ liệu mới</source>
            <translation>This folder holds a station's real data; create sample data only in a new data folder</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/demo.py" />
            <source>Cơ sở dữ liệu đã có hồ sơ; chỉ tạo dữ liệu mẫu trong một thư mục dữ liệu mới</source>
            <translation>The database already has dossiers; create sample data only in a new data folder</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Lệnh này chỉ dùng ở cơ sở dữ liệu cấp huyện (onestop init --district)</source>
            <translation>This command only works on a district database (onestop init --district)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Cấp huyện chưa đăng ký máy trạm nào của đơn vị {unit}</source>
            <translation>The district has registered no station of unit {unit}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Tệp danh mục «{file}» có lỗi, chưa ký gói: dòng {line}, cột {column}: {reason}</source>
            <translation>The catalogue file “{file}” has errors, no bundle signed: line {line}, column {column}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Loại gói «{kind}» không có</source>
            <translation>There is no bundle kind “{kind}”</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Không đọc được tệp lịch {file}</source>
            <translation>Cannot read the calendar file {file}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Tệp lịch {file} không đúng dạng JSON</source>
            <translation>The calendar file {file} is not valid JSON</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Tệp lịch {file}, dòng {line}: ngày «{day}» không hợp lệ</source>
            <translation>Calendar file {file}, line {line}: the date “{day}” is not valid</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Tệp lịch {file}, dòng {line}: loại ngày «{kind}» không hợp lệ (day_off hoặc workday)</source>
            <translation>Calendar file {file}, line {line}: the day kind “{kind}” is not valid (day_off or workday)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>được ký bằng khóa cũ của cấp huyện (dấu vân tay {fingerprint}), đã được thay lúc {when}; xin cấp huyện ký lại gói bằng khóa mới</source>
            <translation>is signed with the district's old key (fingerprint {fingerprint}), replaced at {when}; ask the district to sign the bundle again with its new key</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>được ký bằng khóa chưa đăng ký là khóa cấp huyện (dấu vân tay {fingerprint}); đăng ký bằng «onestop bundle trust-district»</source>
            <translation>is signed with a key not registered as the district key (fingerprint {fingerprint}); register it with “onestop bundle trust-district”</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>đơn vị ghi trong gói không khớp khóa đã đăng ký</source>
            <translation>the unit written in the bundle does not match the registered key</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Gói {file} là gói cấp huyện gửi xuống máy trạm; không nhập ở cấp huyện</source>
            <translation>{file} is a district bundle for stations; it is not imported at the district</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>Gói {file} (số {sequence}) cũ hơn hoặc bằng gói cấp huyện đã áp dụng (số {done}); không áp dụng lại</source>
            <translation>Bundle {file} (number {sequence}) is not newer than the district bundle already applied (number {done}); not applied again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>danh mục trong gói có lỗi</source>
            <translation>the catalogue in the bundle has errors</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/district.py" />
            <source>lịch trong gói không đúng dạng</source>
            <translation>the calendar in the bundle is malformed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Có thể trùng hồ sơ {code} của {name} (tiếp nhận {day}, {status})</source>
            <translation>Possibly a duplicate of dossier {code} of {name} (received {day}, {status})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Giấy tờ số {item} không có trong thành phần hồ sơ của thủ tục {code} (thủ tục có {count} giấy tờ)</source>
            <translation>Document {item} is not among the required documents of procedure {code} (the procedure has {count} documents)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Giấy tờ số {item} được nhập hai lần</source>
            <translation>Document {item} was entered twice</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hình thức của giấy tờ số {item} («{form}») không hợp lệ: dùng original (bản chính), certified_copy (bản sao có chứng thực) hoặc copy (bản sao)</source>
            <translation>Invalid form of document {item} («{form}»): use original, certified_copy or copy</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Số lượng của giấy tờ số {item} phải từ 1 đến {limit}</source>
            <translation>The count of document {item} must be from 1 to {limit}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Kênh tiếp nhận không hợp lệ: {channel}</source>
            <translation>Invalid intake channel: {channel}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Số bộ hồ sơ phải từ 1 đến 99</source>
            <translation>The number of copies must be from 1 to 99</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chỉ hồ sơ tiếp nhận tại quầy mới nhập từ phiếu giấy được</source>
            <translation>Only dossiers received at the counter can be entered from a paper slip</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Thủ tục {code} chưa được công bố, không tiếp nhận được</source>
            <translation>Procedure {code} is not published; it cannot be received</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Không tìm thấy hồ sơ trùng đã chọn «{key}»</source>
            <translation>The chosen duplicate dossier «{key}» was not found</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Thao tác không hợp lệ: {kind}</source>
            <translation>Invalid action: {kind}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hồ sơ {dossier} không ghi thời hạn giải quyết của thủ tục</source>
            <translation>Dossier {dossier} does not record the procedure's time limit</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chưa chọn cán bộ nhận hồ sơ</source>
            <translation>No staff member has been chosen to take the dossier</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Không có cán bộ «{username}» đang hoạt động</source>
            <translation>There is no active staff member «{username}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chỉ chuyển hồ sơ cho chuyên viên xử lý hoặc lãnh đạo</source>
            <translation>A dossier can only be handed to a processing officer or a leader</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chưa nhập lý do từ chối</source>
            <translation>The reason for refusal is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chưa nhập lý do yêu cầu bổ sung</source>
            <translation>The reason for the supplement request is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Thiết lập supplement_mode không hợp lệ: {mode}</source>
            <translation>Invalid supplement_mode setting: {mode}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Số tiền phải là số nguyên không âm (nhận được {value})</source>
            <translation>The amount must be a non-negative whole number (got {value})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chưa nhập lý do</source>
            <translation>The reason is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chưa nhập người nhận kết quả</source>
            <translation>The person receiving the result is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chưa nhập lý do hẹn lại</source>
            <translation>The reason for the new date is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chưa nhập ngày hẹn trả mới</source>
            <translation>The new return date is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Đã quá ngày hẹn trả {due}: không thể hẹn lại nữa (phiếu xin lỗi Mẫu 04 vẫn in được); hồ sơ được tính là quá hạn</source>
            <translation>The appointment {due} has passed: it can no longer be rescheduled (the Form 04 apology slip can still be printed); the dossier counts as late</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Ngày hẹn mới phải sau ngày hẹn cũ</source>
            <translation>The new return date must be after the old one</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hồ sơ đã được hẹn lại {times} lần (tối đa {limit})</source>
            <translation>The dossier's return date has been put off {times} times (at most {limit})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Theo sổ theo dõi</source>
            <translation>As in the tracking ledger</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hẹn trả khi tiếp nhận</source>
            <translation>Due date set at receipt</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Tính lại thời hạn từ đầu sau khi nhận bổ sung</source>
            <translation>Time limit restarted after the supplement was received</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Cộng thêm thời gian tạm dừng</source>
            <translation>Paused time added</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hẹn lại lần {times}</source>
            <translation>Rescheduled (time {times})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Không được tiếp nhận: bỏ hẹn trả</source>
            <translation>Not accepted: due date cancelled</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>không có</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Mã hồ sơ {code}; thủ tục {procedure_code} {procedure_name}</source>
            <translation>Dossier code {code}; procedure {procedure_code} {procedure_name}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>hẹn trả {due}</source>
            <translation>due {due}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>tiếp nhận trên giấy lúc {received}, nhập vào máy lúc {entered}</source>
            <translation>received on paper at {received}, entered at {entered}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>người nộp {name}</source>
            <translation>submitted by {name}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>{count} giấy tờ</source>
            <translation>{count} document(s)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>từ tệp {file}, dòng {line}</source>
            <translation>from file {file}, line {line}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hẹn trả {due}</source>
            <translation>Due {due}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Lý do: {reason}</source>
            <translation>Reason: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Chuyển cho {name}</source>
            <translation>Handed over to {name}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Cần bổ sung: {documents}</source>
            <translation>To supplement: {documents}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>lý do: {reason}</source>
            <translation>reason: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>cộng thời gian tạm dừng</source>
            <translation>paused time added</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>tính lại từ đầu</source>
            <translation>restarted from the beginning</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hẹn trả mới {due} ({how})</source>
            <translation>New due date {due} ({how})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Số tiền: {amount} đ</source>
            <translation>Amount: {amount} VND</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Người nhận: {who}</source>
            <translation>Collected by: {who}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>Hẹn lại lần {times}: từ {old} sang {new}; lý do: {reason}</source>
            <translation>Rescheduled (time {times}): from {old} to {new}; reason: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/dossiers.py" />
            <source>ghi chú: {note}</source>
            <translation>note: {note}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/drafts.py" />
            <source>Cơ sở dữ liệu trong bộ nhớ không có thư mục để lưu bản nháp</source>
            <translation>An in-memory database has no folder to keep drafts in</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/intake.py" />
            <source>Thời điểm tiếp nhận trên giấy ({when}) chưa tới: hãy nhập đúng ngày giờ ghi trên phiếu</source>
            <translation>The paper receipt time ({when}) is in the future: enter the date and time written on the slip</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/intake.py" />
            <source>Hồ sơ giấy tiếp nhận ngày {day} đã quá {limit} ngày làm việc (đã qua {elapsed} ngày), không nhập bổ sung được nữa; hỏi quản trị nếu cần đổi thiết lập paper_entry_days</source>
            <translation>The paper dossier received on {day} is more than {limit} working days old ({elapsed} days have passed) and can no longer be entered; ask an admin if the paper_entry_days setting must change</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/integrity.py" />
            <source>hồ sơ {id}: các sự kiện của nó không dựng lại được hồ sơ ({reason}): sự kiện được ghi thêm hoặc bị sửa</source>
            <translation>dossier {id}: its events do not rebuild the dossier ({reason}): an event was appended or edited</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/integrity.py" />
            <source>hồ sơ {code} không khớp các sự kiện của nó (cột {columns}): sự kiện được ghi thêm hoặc hồ sơ bị sửa trực tiếp</source>
            <translation>dossier {code} does not match its events (columns {columns}): an event was appended or the dossier was edited directly</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/integrity.py" />
            <source>bảng hồ sơ đã ghi nhận đến sự kiện số {seq} của máy trạm {station}, nhưng chuỗi chỉ còn {count} sự kiện: sự kiện cuối đã bị xóa</source>
            <translation>the dossiers table has folded up to event {seq} of station {station}, but the chain has only {count} events: the last events were deleted</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/integrity.py" />
            <source>chuỗi sự kiện đã nhập của {unit}, máy trạm {station}: {reason}</source>
            <translation>the imported event chain of {unit}, station {station}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/integrity.py" />
            <source>Không dựng lại được: chuỗi sự kiện bị đứt tại máy trạm {station}, sự kiện số {seq} ({reason}); hãy khôi phục từ bản sao lưu</source>
            <translation>Cannot rebuild: the event chain is broken at station {station}, event {seq} ({reason}); restore from a backup</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger.py" />
            <source>Sổ theo dõi có {count} lỗi ở {rows} dòng, chưa nhập gì (lỗi đầu tiên: dòng {line}, cột {column}: {reason}). Sửa tệp hoặc dùng --skip-bad-rows</source>
            <translation>The ledger has {count} errors on {rows} lines; nothing was imported (first error: line {line}, column {column}: {reason}). Fix the file or use --skip-bad-rows</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger_files.py" />
            <source>Không đọc được tệp Excel {file}: tệp hỏng hoặc không phải .xlsx</source>
            <translation>Cannot read the Excel file {file}: it is damaged or not .xlsx</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger_files.py" />
            <source>Không đọc được tệp Excel {file} từ dòng {line}: tệp hỏng hoặc bị cắt cụt</source>
            <translation>The Excel file {file} cannot be read from line {line}: the file is damaged or cut short</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger_files.py" />
            <source>Tệp {file}, dòng {line}: dòng dài quá {limit} byte, không phải sổ theo dõi</source>
            <translation>File {file}, line {line}: the line is longer than {limit} bytes; this is not a dossier ledger</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger_files.py" />
            <source>Tệp {file} không phải CSV mã UTF-8 (dòng {line}, byte {column}); hãy lưu lại bằng «CSV UTF-8» trong Excel</source>
            <translation>The file {file} is not a UTF-8 CSV (line {line}, byte {column}); save it again as «CSV UTF-8» in Excel</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger_files.py" />
            <source>Tệp {file}, dòng {line}: không đọc được dòng CSV (ô quá lớn hoặc dấu nháy kép lệch)</source>
            <translation>File {file}, line {line}: the CSV line cannot be read (a cell is too large or a double quote is unbalanced)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger_files.py" />
            <source>Chỉ đọc được sổ theo dõi dạng .xlsx hoặc .csv (tệp đã chọn: {file})</source>
            <translation>Only .xlsx or .csv ledgers can be read (file chosen: {file})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/ledger_files.py" />
            <source>Không tìm thấy tệp {path}</source>
            <translation>The file {path} was not found</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/reports.py" />
            <source>Ngày kết thúc kỳ báo cáo phải không trước ngày bắt đầu</source>
            <translation>The end of the report period must not be before its start</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/search.py" />
            <source>Nhóm trạng thái không hợp lệ: {value}</source>
            <translation>Invalid status group: {value}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/search.py" />
            <source>Ngày nhận «đến» ({to}) phải không trước ngày «từ» ({start})</source>
            <translation>The “received to” date ({to}) must not be before the “from” date ({start})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>«{text}» không đúng dạng HH:MM</source>
            <translation>«{text}» is not in the form HH:MM</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>«{text}» không phải một giờ trong ngày</source>
            <translation>«{text}» is not a time of day</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>một trong các giá trị</source>
            <translation>one of the values</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>đường dẫn thư mục</source>
            <translation>folder path</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Khi nhận hồ sơ bổ sung: «pause» tạm dừng thời hạn (lùi ngày hẹn thêm đúng số giờ làm việc chờ bổ sung) hoặc «restart» tính lại thời hạn từ đầu kể từ lúc nhận bổ sung</source>
            <translation>When supplementary documents arrive: «pause» pauses the time limit (the return date moves by the working hours spent waiting) or «restart» starts the time limit again from the moment they arrive</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>«pause» hoặc «restart»</source>
            <translation>«pause» or «restart»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>số nguyên dương, hoặc để trống</source>
            <translation>a positive whole number, or empty</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Số lần tối đa được xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) của một hồ sơ; mặc định 1 (chưa xác nhận với văn bản); để trống là không giới hạn</source>
            <translation>Maximum number of apologies with a new return date (Form 04) for one dossier; default 1 (not confirmed against the legal text); empty means no limit</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>để trống (không giới hạn) hoặc một số nguyên từ 1 trở lên, ví dụ «1»</source>
            <translation>empty (no limit) or a whole number from 1, for example «1»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Hồ sơ được tính đúng hạn theo «first» ngày hẹn đầu tiên (mặc định: hẹn lại theo Mẫu 04 là xin lỗi, không làm hồ sơ thành đúng hạn) hoặc «latest» ngày hẹn sau cùng</source>
            <translation>A dossier is judged on time against «first», the first appointment (default: a Form 04 new appointment is an apology and never makes a dossier on time), or «latest», the latest appointment</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>«first» hoặc «latest»</source>
            <translation>«first» or «latest»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>các buổi HH:MM-HH:MM</source>
            <translation>sessions HH:MM-HH:MM</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Giờ làm việc của Bộ phận Một cửa, các buổi cách nhau bằng dấu phẩy; dùng để tính ngày hẹn trả</source>
            <translation>Office hours of the one-stop counter, sessions separated by commas; used to compute return dates</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>các buổi «HH:MM-HH:MM» theo thứ tự, không chồng lên nhau, cách nhau bằng dấu phẩy, ví dụ «07:00-11:30,13:30-17:00»</source>
            <translation>sessions «HH:MM-HH:MM» in order, not overlapping, separated by commas, for example «07:00-11:30,13:30-17:00»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>giờ HH:MM</source>
            <translation>a time HH:MM</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Giờ chốt nhận hồ sơ trả trong ngày: nhận trước giờ này thì trả trong ngày, sau giờ này thì trả ngày làm việc kế tiếp</source>
            <translation>Same-day cut-off: a dossier received before this time is returned the same day, after it on the next working day</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>giờ «HH:MM» nằm trong giờ làm việc (sau giờ mở cửa, không muộn hơn giờ đóng cửa), ví dụ «15:00»</source>
            <translation>a time «HH:MM» within office hours (after opening, not later than closing), for example «15:00»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>số nguyên dương</source>
            <translation>a positive whole number</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Hồ sơ tiếp nhận trên giấy khi mất điện, hỏng máy được nhập vào phần mềm trong vòng bấy nhiêu ngày làm việc kể từ ngày tiếp nhận thật (mặc định 3); quá hạn này thì không nhập được nữa</source>
            <translation>Dossiers received on paper during a power cut or a PC failure may be entered within this many working days of their real receipt day (default 3); after that they can no longer be entered</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>một số nguyên từ 1 đến 30, ví dụ «3»</source>
            <translation>a whole number from 1 to 30, for example «3»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>số phút</source>
            <translation>minutes</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Sau bấy nhiêu phút không dùng bàn phím, chuột, cửa sổ chính bị khóa và phải nhập lại mật khẩu (mặc định 10); 0 là không tự khóa</source>
            <translation>After this many minutes without keyboard or mouse use, the main window is locked and the password must be typed again (default 10); 0 never locks</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>một số nguyên từ 0 đến 240, ví dụ «10» (0: không tự khóa)</source>
            <translation>a whole number from 0 to 240, for example «10» (0: never lock)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>chữ (một dòng)</source>
            <translation>text (one line)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>một dòng chữ, tối đa 300 ký tự; để trống là dùng mặc định</source>
            <translation>one line of text, at most 300 characters; empty: the default</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Các dòng tên đơn vị ở góc trái trên các phiếu in, cách nhau bằng dấu «|», ví dụ «UBND XÃ TÂN THÀNH|TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG»; để trống là tên đơn vị viết hoa và «BỘ PHẬN MỘT CỬA»</source>
            <translation>The unit's lines at the top left of printed slips, separated by «|», for example «PEOPLE'S COMMITTEE OF TAN THANH COMMUNE|PUBLIC ADMINISTRATION SERVICE CENTRE»; empty: the unit's name in capitals and «ONE-STOP OFFICE» (in Vietnamese)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Địa danh ở dòng ngày tháng của phiếu in («Tân Thành, ngày … tháng … năm …»); để trống là lấy từ tên đơn vị (bỏ «UBND xã», «UBND phường»)</source>
            <translation>The place name of the date line on printed slips («Tan Thanh, day … month … year …», in Vietnamese); empty: taken from the unit's name (without the words for «commune/ward People's Committee»)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Tên bộ phận tiếp nhận in trong phiếu; để trống là «Bộ phận Một cửa» và tên đơn vị</source>
            <translation>The receiving office's name printed on slips; empty: «One-stop office» (in Vietnamese) and the unit's name</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Chức danh người ký Phiếu xin lỗi và hẹn lại (Mẫu 04), ví dụ «KT. CHỦ TỊCH|PHÓ CHỦ TỊCH» (dấu «|» xuống dòng)</source>
            <translation>Title of the signer of the apology and new appointment slip (Form 04), for example «FOR THE CHAIRMAN|VICE CHAIRMAN» (in Vietnamese) («|» starts a new line)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Họ tên người ký Phiếu xin lỗi và hẹn lại (Mẫu 04); để trống là ký và ghi tay</source>
            <translation>Full name of the signer of the apology and new appointment slip (Form 04); empty: signed and written by hand</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Nơi liên hệ in trên Phiếu yêu cầu bổ sung (Mẫu 02) và Phiếu từ chối (Mẫu 03), ví dụ «Bộ phận Một cửa, số điện thoại 0274 3 123 456»; để trống là tên bộ phận tiếp nhận</source>
            <translation>Contact printed on the supplement request (Form 02) and the refusal (Form 03), for example «One-stop office, phone 0274 3 123 456» (in Vietnamese); empty: the receiving office's name</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Nơi nhận kết quả in ở mục 6 của Giấy tiếp nhận (Mẫu 01) khi nhận trực tiếp; hồ sơ nộp qua bưu chính in «Qua dịch vụ bưu chính công ích»</source>
            <translation>Where the result is collected, printed in item 6 of the receipt (Form 01) for in-person collection; postal dossiers print «by public postal service» (in Vietnamese)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Khổ giấy in phiếu: «a4», «a5» hoặc «80mm» (máy in nhiệt; chỉ Giấy tiếp nhận in trên khổ 80 mm, các phiếu khác in A4)</source>
            <translation>Paper for slips: «a4», «a5» or «80mm» (thermal printer; only the receipt prints on 80 mm, the other slips print on A4)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>«a4», «a5» hoặc «80mm»</source>
            <translation>«a4», «a5» or «80mm»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Cách in hai liên Giấy tiếp nhận (Mẫu 01) khi khổ giấy A4: «a4_two» hai liên trên một tờ A4 (cắt đôi), «a5_each» mỗi liên một tờ A5</source>
            <translation>How the two copies of the receipt (Form 01) print on A4 paper: «a4_two» both copies on one A4 sheet (cut in half), «a5_each» one A5 sheet per copy</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>«a4_two» hoặc «a5_each»</source>
            <translation>«a4_two» or «a5_each»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Không có thiết lập «{key}»; các thiết lập nghiệp vụ: {keys}</source>
            <translation>There is no setting «{key}»; the business settings are: {keys}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Tài khoản {username} ({role}) không có quyền thay đổi thiết lập nghiệp vụ (chỉ quản trị viên)</source>
            <translation>The account {username} ({role}) may not change business settings (administrators only)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Giá trị «{value}» của thiết lập {key} không hợp lệ ({reason}); giá trị hợp lệ: {accepted}</source>
            <translation>The value «{value}» of the setting {key} is invalid ({reason}); valid values: {accepted}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Giá trị «{value}» của thiết lập {key} không hợp lệ; giá trị hợp lệ: {accepted}</source>
            <translation>The value «{value}» of the setting {key} is invalid; valid values: {accepted}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Không đặt được thiết lập {key} = «{value}»: {reason} (thiết lập {other} đang là «{current}»; đổi {other} trước nếu cần)</source>
            <translation>Cannot set {key} = «{value}»: {reason} (the setting {other} is «{current}»; change {other} first if needed)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Cách tính thời hạn khi bổ sung hồ sơ</source>
            <translation>How the time limit runs when documents are supplemented</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Số lần hẹn lại tối đa</source>
            <translation>Maximum number of new appointments</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Tính đúng hạn theo ngày hẹn</source>
            <translation>On time judged by which appointment</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Giờ làm việc</source>
            <translation>Office hours</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Giờ chốt trả trong ngày</source>
            <translation>Same-day cut-off time</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Hạn nhập hồ sơ tiếp nhận trên giấy (ngày làm việc)</source>
            <translation>Deadline for entering paper receipts (working days)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Tự khóa màn hình sau (phút)</source>
            <translation>Lock the screen after (minutes)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Tên đơn vị trên phiếu in</source>
            <translation>Unit name on printed slips</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Địa danh trên phiếu in</source>
            <translation>Place name on printed slips</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Tên bộ phận tiếp nhận trên phiếu</source>
            <translation>Receiving office name on slips</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Chức danh người ký Phiếu xin lỗi (Mẫu 04)</source>
            <translation>Title of the signer of the apology slip (Form 04)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Họ tên người ký Phiếu xin lỗi (Mẫu 04)</source>
            <translation>Name of the signer of the apology slip (Form 04)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Nơi liên hệ trên Mẫu 02 và Mẫu 03</source>
            <translation>Contact point on Forms 02 and 03</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Nơi nhận kết quả trên Giấy tiếp nhận</source>
            <translation>Where results are collected, on the receipt</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Khổ giấy in phiếu</source>
            <translation>Paper size for slips</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Cách in hai liên Giấy tiếp nhận</source>
            <translation>How the two copies of the receipt are printed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>{key}</source>
            <translation>{key}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Thư mục máy quét của máy trạm này ghi bản quét vào (có thể là thư mục dùng chung trên mạng); bản quét mới hiện trong ô «Bản quét chờ» để gán vào hồ sơ, rồi được chuyển vào thư mục con «processed». Để trống: không theo dõi</source>
            <translation>The folder this station's scanner writes scans into (it may be a shared network folder); new scans appear in the «Waiting scans» panel to be assigned to a dossier, then move to its «processed» subfolder. Empty: not watched</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>một đường dẫn thư mục, ví dụ «\\may-quet\scan» hoặc «D:\Scan»</source>
            <translation>a folder path, for example «\\may-quet\scan» or «D:\Scan»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Thư mục máy quét</source>
            <translation>Scanner folder</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Nơi thứ hai nhận bản sao lưu tự động mỗi ngày và khi đăng xuất, ngoài thư mục dữ liệu: một thư mục trên ổ đĩa thứ hai hoặc trên USB. Khi USB được cắm vào, chương trình tự sao lưu nếu hôm nay chưa có bản nào ở đó. Để trống: chỉ sao lưu trong thư mục dữ liệu</source>
            <translation>A second place that receives the automatic backup every day and at sign-out, besides the data folder: a folder on a second disk or on a USB stick. When the stick is plugged in, the program backs up there if it has no backup from today yet. Empty: back up in the data folder only</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>một đường dẫn thư mục, ví dụ «E:\SaoLuu» hoặc «/media/usb/saoluu»</source>
            <translation>a folder path, for example «E:\SaoLuu» or «/media/usb/saoluu»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/settings.py" />
            <source>Nơi sao lưu thứ hai</source>
            <translation>Second backup place</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Hồ sơ {code} chưa được tiếp nhận nên chưa có Giấy tiếp nhận</source>
            <translation>Dossier {code} has not been accepted yet, so it has no receipt</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Hồ sơ {code} chưa có yêu cầu bổ sung nên không in được Phiếu yêu cầu bổ sung</source>
            <translation>Dossier {code} has no supplement request, so no supplement request slip can be printed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Hồ sơ {code} không bị từ chối nên không in được Phiếu từ chối</source>
            <translation>Dossier {code} was not refused, so no refusal slip can be printed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Hồ sơ {code} chưa từng được hẹn lại ngày trả kết quả và ở trạng thái «{status}» không còn hẹn lại được, nên không có Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</source>
            <translation>Dossier {code} was never rescheduled and, in status «{status}», can no longer be, so it has no apology and new appointment letter (Form 04)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Hồ sơ {code} đã quá ngày hẹn trả {due} mà chưa được hẹn lại: Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) ghi ngày hẹn mới, và ngày hẹn mới chỉ đặt được trước khi ngày hẹn cũ qua đi. Hồ sơ được tính là quá hạn; kết quả được trả ngay khi có</source>
            <translation>Dossier {code} passed its appointment of {due} without being rescheduled: the apology and new appointment letter (Form 04) states the new appointment, and a new appointment can only be set before the old one passes. The dossier counts as overdue; the result is returned as soon as it is ready</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Hồ sơ {code} chưa được hẹn lại ngày trả kết quả nên chưa có Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): phiếu ghi ngày hẹn mới, lần hẹn lại và lý do chậm. Cán bộ xử lý hoặc lãnh đạo thực hiện thao tác «Xin lỗi và hẹn lại ngày trả» trước (trên màn hình hồ sơ, hoặc bằng lệnh: onestop dossier act {code} rescheduled --reason "lý do" --new-due "YYYY-MM-DD HH:MM"), rồi in phiếu</source>
            <translation>Dossier {code} has not been rescheduled, so there is no apology and new appointment letter (Form 04) yet: the letter states the new appointment, which rescheduling this is and the reason for the delay. An officer or a leader first takes the action «Apologise and set a new return date» (in the dossier view, or with the command: onestop dossier act {code} rescheduled --reason "reason" --new-due "YYYY-MM-DD HH:MM"), then the letter is printed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Không có loại phiếu «{kind}»; các loại: {kinds}</source>
            <translation>There is no slip kind «{kind}»; the kinds: {kinds}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Cơ sở dữ liệu trong bộ nhớ không có thư mục dữ liệu</source>
            <translation>An in-memory database has no data folder</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/slips.py" />
            <source>Ngày kết thúc kỳ phải không trước ngày bắt đầu</source>
            <translation>The period's end date must not be before its start date</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/station.py" />
            <source>Đã có khóa ký của máy trạm tại {path}; không tạo khóa mới đè lên. Nếu cơ sở dữ liệu bị mất, hãy khôi phục từ bản sao lưu (onestop restore); chỉ khi chắc chắn khóa này bỏ đi được mới chuyển nó ra chỗ khác rồi khởi tạo lại</source>
            <translation>A station signing key already exists at {path}; a new key will not overwrite it. If the database was lost, restore it from a backup (onestop restore); only when you are sure this key can be discarded, move it elsewhere and initialise again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/station.py" />
            <source>Cơ sở dữ liệu này đã được khởi tạo; không khởi tạo lại</source>
            <translation>This database has already been initialised; it is not initialised again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/station.py" />
            <source>Chưa nhập tên đơn vị</source>
            <translation>The unit name is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/station.py" />
            <source>Thư mục {folder} đã có cơ sở dữ liệu đã khởi tạo</source>
            <translation>The folder {folder} already has an initialised database</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/station.py" />
            <source>Thư mục {folder} còn {file} của một lần khôi phục; không khởi tạo lại. Hãy chạy lại «onestop restore» với bản sao lưu, hoặc mở chương trình để hoàn tất lần khôi phục dở</source>
            <translation>Folder {folder} still holds {file} from a restore; not initialising again. Run «onestop restore» with the backup again, or open the program to finish the interrupted restore</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/station.py" />
            <source>Tệp danh mục «{file}» có lỗi, chưa khởi tạo gì: dòng {line}, cột {column}: {reason}</source>
            <translation>The catalogue file «{file}» has errors; nothing was initialised: line {line}, column {column}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Khóa ký trong thư mục keys không khớp khóa đã ghi khi khởi tạo máy trạm; không dùng khóa này để ký gói</source>
            <translation>The signing key in the keys folder does not match the key recorded when the station was created; it is not used to sign bundles</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Không đọc được tệp khóa {file}: {reason}</source>
            <translation>Could not read the key file {file}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Tệp khóa {file} không phải JSON</source>
            <translation>The key file {file} is not JSON</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Tệp khóa {file} không đúng dạng khóa công khai OneStop</source>
            <translation>The key file {file} is not a OneStop public key</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Tệp khóa {file} là khóa của {kind}, không phải của {wanted}</source>
            <translation>The key file {file} is the key of a {kind}, not of a {wanted}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Tệp khóa {file} là khóa của chính máy này</source>
            <translation>The key file {file} is this computer's own key</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Khóa trong {file} đã được đăng ký cho {unit}, máy trạm {station}</source>
            <translation>The key in {file} is already registered for {unit}, station {station}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>{unit}, máy trạm {station} đã có khóa khác (dấu vân tay {fingerprint}); nếu máy trạm đã làm khóa mới (onestop bundle key --new), đăng ký bằng --replace (xem docs/bundle-format.md)</source>
            <translation>{unit}, station {station} already has another key (fingerprint {fingerprint}); if the station made a new key (onestop bundle key --new), register it with --replace (see docs/bundle-format.md)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Khóa trong {file} đã bị thay bằng khóa mới; không đăng ký lại khóa cũ</source>
            <translation>The key in {file} has been replaced by a new key; an old key is not registered again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>cấp huyện</source>
            <translation>district</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>máy trạm</source>
            <translation>station</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Tệp khóa {file} không ghi nó thay khóa nào; ở máy trạm hãy làm khóa mới bằng «onestop bundle key --new --out TỆP» rồi mang tệp đó đến</source>
            <translation>Key file {file} does not say which key it replaces; at the station make the new key with “onestop bundle key --new --out FILE” and bring that file</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Tệp khóa {file} thay khóa có dấu vân tay {claimed}, nhưng khóa đang đăng ký của {unit}, máy trạm {station} có dấu vân tay {fingerprint}; không đổi gì</source>
            <translation>Key file {file} replaces the key with fingerprint {claimed}, but the key registered for {unit}, station {station} has fingerprint {fingerprint}; nothing changed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Chữ ký của khóa cũ trong tệp khóa {file} không đúng; không đổi gì</source>
            <translation>The old key's signature in key file {file} is not valid; nothing changed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Cơ sở dữ liệu chưa ghi khóa ký của máy trạm; hãy khởi tạo (onestop init)</source>
            <translation>The database has no station signing key recorded; set the station up first (onestop init)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Số thứ tự {seq} vượt quá sự kiện cuối của máy trạm ({head})</source>
            <translation>Sequence number {seq} is past the station's last event ({head})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Không có sự kiện mới sau số {seq} (cấp huyện đã xác nhận đến đó); dùng --all để xuất lại toàn bộ</source>
            <translation>No new events after number {seq} (the district has acknowledged up to there); use --all to export everything again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>đây không phải gói sự kiện của máy trạm (loại «{kind}»)</source>
            <translation>this is not a station's event bundle (kind «{kind}»)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>khóa ký (dấu vân tay {fingerprint}) chưa được đăng ký; đăng ký khóa của máy trạm trước (onestop district register)</source>
            <translation>the signing key (fingerprint {fingerprint}) is not registered; register the station's key first (onestop district register)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>khóa ký thuộc đơn vị {owner}, nhưng gói ghi đơn vị {unit}</source>
            <translation>the signing key belongs to unit {owner}, but the bundle says unit {unit}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>khóa ký là của máy trạm {owner}, nhưng gói mang sự kiện của máy trạm {station}</source>
            <translation>the signing key is station {owner}'s, but the bundle carries events of station {station}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>gói là của chính đơn vị này</source>
            <translation>the bundle is from this very unit</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>gói cũ (tạo lúc {made}) nhập lại sau gói mới hơn (tạo lúc {newest}) của {unit}, máy trạm {station}</source>
            <translation>an old bundle (made at {made}) imported after a newer one (made at {newest}) from {unit}, station {station}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>sự kiện số 1 không bắt đầu chuỗi</source>
            <translation>event number 1 does not start the chain</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>thiếu sự kiện số {first}–{last} của {unit}, máy trạm {station}: hãy nhập gói chứa chúng trước, hoặc xuất lại từ máy trạm với --since {since}</source>
            <translation>events {first}–{last} of {unit}, station {station} are missing: import the bundle holding them first, or export again at the station with --since {since}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>gói được ký bằng khóa cũ của {unit}, máy trạm {station} (dấu vân tay {fingerprint}), đã được thay lúc {when}; khóa cũ chỉ còn hiệu lực cho các sự kiện đến số {since}, gói mang đến số {last}: hãy xuất lại gói ở máy trạm (ký bằng khóa mới)</source>
            <translation>the bundle is signed with the old key of {unit}, station {station} (fingerprint {fingerprint}), replaced at {when}; the old key is valid only for events up to {since}, and the bundle carries events up to {last}: export the bundle again at the station (signed with the new key)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>chuỗi sự kiện của {unit}, máy trạm {station} mâu thuẫn với chuỗi đang giữ từ sự kiện số {seq}; cả hai bản được lưu trong {folder}</source>
            <translation>the event chain of {unit}, station {station} conflicts with the chain held from event {seq}; both versions are kept in {folder}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>các sự kiện của gói không dựng được hồ sơ ở cấp huyện ({reason}); không nhập gì</source>
            <translation>the bundle's events do not build the district's dossiers ({reason}); nothing was imported</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Chuỗi sự kiện vừa thay đổi trong lúc nhập; hãy nhập lại gói</source>
            <translation>The event chain changed during the import; import the bundle again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>Chưa giữ sự kiện nào của {unit}, máy trạm {station}</source>
            <translation>No events of {unit}, station {station} are held yet</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>đây không phải giấy xác nhận (loại «{kind}»)</source>
            <translation>this is not an acknowledgement (kind «{kind}»)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>giấy xác nhận được ký bằng khóa cũ của cấp huyện (dấu vân tay {fingerprint}), đã được thay lúc {when}; xin cấp huyện nhập lại gói để có giấy xác nhận mới</source>
            <translation>the acknowledgement is signed with the district's old key (fingerprint {fingerprint}), replaced at {when}; ask the district to import the bundle again for a new acknowledgement</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>khóa ký (dấu vân tay {fingerprint}) không phải khóa cấp huyện đã đăng ký (onestop bundle trust-district)</source>
            <translation>the signing key (fingerprint {fingerprint}) is not a registered district key (onestop bundle trust-district)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>giấy xác nhận thiếu trường</source>
            <translation>the acknowledgement is missing fields</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>giấy xác nhận dành cho {unit}, máy trạm {station}</source>
            <translation>the acknowledgement is meant for {unit}, station {station}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>cấp huyện xác nhận sự kiện số {seq} với mã băm khác chuỗi của máy này; chuỗi đã bị thay đổi sau khi xuất gói</source>
            <translation>the district acknowledges event {seq} with a hash different from this computer's chain; the chain was changed after the bundle was exported</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <source>sự kiện số {seq} không khớp chuỗi</source>
            <translation>event {seq} does not match the chain</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/sync.py" />
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>loại gói «{kind}» chưa được hỗ trợ</source>
            <translation>bundle kind «{kind}» is not supported yet</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>tài khoản «{user}» (vai trò {role}) có trong bảng nhưng không có sự kiện tạo tài khoản nào</source>
            <translation>account «{user}» (role {role}) is in the table but no event created it</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>tài khoản «{user}»: cột {column} đang là «{stored}», theo sự kiện là «{expected}»</source>
            <translation>account «{user}»: column {column} is «{stored}», the events say «{expected}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>tài khoản «{user}» đang hoạt động nhưng theo sự kiện đã bị khóa hẳn</source>
            <translation>account «{user}» is active but the events say it was deactivated</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>tài khoản «{user}» đang bị khóa hẳn nhưng không có sự kiện khóa</source>
            <translation>account «{user}» is deactivated but no event deactivated it</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>tài khoản «{user}» đã được tạo (có sự kiện) nhưng không còn trong bảng</source>
            <translation>account «{user}» was created (there is an event) but is no longer in the table</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>thông tin máy trạm (đơn vị {unit}, máy trạm {station}) có trong bảng cài đặt nhưng không có sự kiện khởi tạo máy trạm: nhật ký đã bị xóa hoặc thay</source>
            <translation>the station identity (unit {unit}, station {station}) is in the settings table but there is no station initialisation event: the log was deleted or replaced</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>cài đặt «{key}» đang là «{stored}», theo sự kiện là «{expected}»</source>
            <translation>setting «{key}» is «{stored}», the events say «{expected}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>không đọc được</source>
            <translation>cannot be read</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>khác nội dung đã lưu của phiên bản</source>
            <translation>differs from the version's stored content</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>khác tên và lĩnh vực</source>
            <translation>differs from the name and field</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>không có sự kiện nhập danh mục tạo ra phiên bản này</source>
            <translation>was created by no catalogue import event</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>là «{stored}», theo sự kiện là «{expected}»</source>
            <translation>is «{stored}», the events say «{expected}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>thủ tục {code}: theo sự kiện có {expected} phiên bản, trong bảng có {count}</source>
            <translation>procedure {code}: the events made {expected} versions, the table has {count}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>hồ sơ đã nhận theo phiên bản này nhưng phiên bản không còn</source>
            <translation>dossiers were received under this version but the version is gone</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>khác bản chụp trong hồ sơ đã tiếp nhận theo phiên bản này</source>
            <translation>differs from the snapshot in a dossier received under this version</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>thủ tục {code} phiên bản {version}: cột {column} {reason}</source>
            <translation>procedure {code} version {version}: column {column} {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>là dòng nhập tay nhưng không có sự kiện nào đặt</source>
            <translation>is a manual row but no event set it</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>khác sự kiện đặt ngày này gần nhất</source>
            <translation>differs from the latest event that set this day</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>không khớp lịch gốc (ngày lễ, văn bản chính thức)</source>
            <translation>does not match the base calendar (holidays, official notices)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>thiếu dòng của lịch gốc (ngày lễ, văn bản chính thức)</source>
            <translation>the base calendar's row is missing (holidays, official notices)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>đã được đặt (có sự kiện) nhưng không còn trong bảng</source>
            <translation>was set (there is an event) but is no longer in the table</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/table_check.py" />
            <source>ngày {day}: {reason}</source>
            <translation>day {day}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Tên đăng nhập phải dài 3–32 ký tự, chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới</source>
            <translation>A user name must be 3–32 characters long, made of lower-case letters without accents, digits, dots, hyphens or underscores</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Mật khẩu phải có ít nhất {count} ký tự</source>
            <translation>A password must have at least {count} characters</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Không có tài khoản «{username}»</source>
            <translation>There is no account «{username}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Chưa nhập họ tên cán bộ</source>
            <translation>The staff member's full name is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Tài khoản «{username}» đã có</source>
            <translation>The account «{username}» already exists</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Mật khẩu hiện tại không đúng</source>
            <translation>The current password is wrong</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Tài khoản «{username}» đã bị vô hiệu hóa từ trước</source>
            <translation>The account «{username}» was already deactivated</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Không thể vô hiệu hóa tài khoản quản trị cuối cùng</source>
            <translation>The last administrator account cannot be deactivated</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Tài khoản «{username}» không bị khóa</source>
            <translation>The account «{username}» is not locked</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Tài khoản «{username}» đã có vai trò {role}</source>
            <translation>Account «{username}» already has the role {role}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Không thể đổi vai trò của tài khoản quản trị cuối cùng</source>
            <translation>The role of the last admin account cannot be changed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Không đặt lại mật khẩu của chính mình; hãy dùng «Đổi mật khẩu» (cần mật khẩu cũ)</source>
            <translation>You cannot reset your own password; use «Change password» (the old password is needed)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Tài khoản bị khóa do nhập sai mật khẩu {count} lần liên tiếp; thử lại sau {minutes} phút</source>
            <translation>The account is locked after {count} wrong passwords in a row; try again in {minutes} minutes</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Sai tên đăng nhập hoặc mật khẩu (nhập sai {count} lần liên tiếp thì tài khoản bị khóa {minutes} phút)</source>
            <translation>Wrong user name or password ({count} wrong tries in a row lock the account for {minutes} minutes)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Sai mật khẩu {count} lần liên tiếp: tài khoản bị khóa {minutes} phút</source>
            <translation>{count} wrong passwords in a row: the account is locked for {minutes} minutes</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/users.py" />
            <source>Tài khoản «{username}» đã bị vô hiệu hóa</source>
            <translation>The account «{username}» has been deactivated</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Chờ bổ sung hồ sơ</source>
            <translation>Waiting for a supplement</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Chờ thực hiện nghĩa vụ tài chính</source>
            <translation>Waiting for the financial obligation</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Quá hạn {amount} ngày làm việc</source>
            <translation>Overdue by {amount} working days</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Quá hạn {amount} giờ làm việc</source>
            <translation>Overdue by {amount} working hours</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Quá hạn {amount} ngày</source>
            <translation>Overdue by {amount} days</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Còn {amount} ngày làm việc</source>
            <translation>{amount} working days left</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Còn {amount} giờ làm việc</source>
            <translation>{amount} working hours left</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Còn {amount} ngày</source>
            <translation>{amount} days left</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>Đến hạn trả</source>
            <translation>Due for return</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/services/views.py" />
            <source>{time_left} (đang tạm dừng tính thời hạn)</source>
            <translation>{time_left} (time limit paused)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Không tìm thấy tệp sao lưu {path}</source>
            <translation>The backup file {path} was not found</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Tệp {file} là bản sao lưu chưa hoàn tất (bị ngắt giữa chừng), không dùng được</source>
            <translation>The file {file} is an unfinished backup (interrupted); it cannot be used</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Tệp {path} không phải bản sao lưu cơ sở dữ liệu SQLite</source>
            <translation>The file {path} is not an SQLite database backup</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Bản sao lưu {file} bị hỏng, không dùng được</source>
            <translation>The backup {file} is damaged; it cannot be used</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Tệp {file} không phải cơ sở dữ liệu OneStop</source>
            <translation>The file {file} is not a OneStop database</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Bản sao lưu {file} có chuỗi sự kiện bị đứt tại máy trạm {station}, sự kiện số {seq}</source>
            <translation>The backup {file} has a broken event chain at station {station}, event {seq}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Đã có tệp {path}; không ghi đè</source>
            <translation>The file {path} already exists; it is not overwritten</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Lần khôi phục trước bị ngắt khi đang chép; cơ sở dữ liệu cũ giữ nguyên</source>
            <translation>The previous restore was interrupted while copying; the old database is unchanged</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Lần khôi phục trước bị ngắt giữa chừng; đã hoàn tất khôi phục (bản cũ giữ tại {kept})</source>
            <translation>The previous restore was interrupted; it has now been completed (the old copy is kept at {kept})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Lần khôi phục trước bị ngắt giữa chừng; đã quay lại cơ sở dữ liệu cũ</source>
            <translation>The previous restore was interrupted; the old database is back in place</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/backup.py" />
            <source>Lần khôi phục trước bị ngắt ở bước cuối; bản khôi phục đã được dùng</source>
            <translation>The previous restore was interrupted at its last step; the restored database is in use</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Thư mục dữ liệu chỉ cho phép đọc, không ghi được{where}</source>
            <translation>The data folder is read-only; nothing can be written{where}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Ổ đĩa đã đầy, không ghi được dữ liệu{where}</source>
            <translation>The disk is full; data cannot be written{where}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Không ghi được xuống ổ đĩa (ổ đầy, tệp quá lớn, USB bị rút hoặc ổ hỏng){where}</source>
            <translation>Cannot write to the disk (disk full, file too large, USB stick pulled out or faulty disk){where}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu SQLite{where}</source>
            <translation>The database file is damaged or is not an SQLite database{where}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau{where}</source>
            <translation>Another program has locked the database; try again later{where}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Không mở được cơ sở dữ liệu{where}</source>
            <translation>Cannot open the database{where}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Lỗi cơ sở dữ liệu{where}</source>
            <translation>Database error{where}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Không bật được chế độ ghi nhật ký WAL cho cơ sở dữ liệu</source>
            <translation>Cannot switch the database to WAL journal mode</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Cơ sở dữ liệu thuộc phiên bản phần mềm mới hơn; hãy cập nhật OneStop Desktop trước khi mở</source>
            <translation>The database belongs to a newer version of the software; update OneStop Desktop before opening it</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Cơ sở dữ liệu bị hỏng nên chương trình không ghi thêm thay đổi nào; hãy khôi phục từ bản sao lưu gần nhất (onestop restore)</source>
            <translation>The database is damaged, so no further change is written; restore it from the latest backup (onestop restore)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Chưa có cơ sở dữ liệu tại {path} nhưng còn bản cũ {kept} của một lần khôi phục; hãy khôi phục lại (onestop restore), đừng khởi tạo lại</source>
            <translation>There is no database at {path} but the old copy {kept} from a restore remains; restore again (onestop restore), do not initialise again</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Chưa có cơ sở dữ liệu tại {path}; hãy chạy «onestop init» trước</source>
            <translation>There is no database at {path}; run «onestop init» first</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Tệp {path} không phải cơ sở dữ liệu SQLite của OneStop</source>
            <translation>The file {path} is not a OneStop SQLite database</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Không nâng cấp cơ sở dữ liệu từ phiên bản {old} lên {new}: không tạo được bản sao lưu trước khi nâng cấp ({reason}); dữ liệu chưa bị thay đổi</source>
            <translation>The database was not upgraded from version {old} to {new}: the backup before the upgrade could not be made ({reason}); the data has not been changed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>lỗi kỹ thuật, chi tiết ghi trong nhật ký</source>
            <translation>a technical error, details in the log</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Nâng cấp cơ sở dữ liệu từ phiên bản {old} lên {new} bị lỗi ({reason}) và không tự khôi phục được; bản sao lưu trước khi nâng cấp nằm ở {copy}: hãy khôi phục bằng «onestop restore {copy}» với phiên bản phần mềm cũ</source>
            <translation>Upgrading the database from version {old} to {new} failed ({reason}) and could not be undone automatically; the backup made before the upgrade is at {copy}: restore it with «onestop restore {copy}» using the old version of the software</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Nâng cấp cơ sở dữ liệu từ phiên bản {old} lên {new} bị lỗi ({reason}); đã khôi phục lại bản sao lưu trước khi nâng cấp ({copy}), dữ liệu giữ nguyên như trước khi nâng cấp. Hãy dùng lại phiên bản phần mềm cũ và báo cho người hỗ trợ kỹ thuật</source>
            <translation>Upgrading the database from version {old} to {new} failed ({reason}); the backup made before the upgrade ({copy}) has been restored, the data is exactly as it was before the upgrade. Go back to the old version of the software and tell technical support</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/db.py" />
            <source>Cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu gần nhất (onestop restore)</source>
            <translation>The database is damaged; restore it from the latest backup (onestop restore)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>bảng</source>
            <translation>table</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>chỉ mục</source>
            <translation>index</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>trigger</source>
            <translation>trigger</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>khung nhìn (view)</source>
            <translation>view</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>đối tượng</source>
            <translation>object</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>thừa {kind} «{name}» (trên {table})</source>
            <translation>extra {kind} «{name}» (on {table})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>thiếu {kind} «{name}» (trên {table})</source>
            <translation>missing {kind} «{name}» (on {table})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>{kind} «{name}» (trên {table}) bị sửa định nghĩa</source>
            <translation>{kind} «{name}» (on {table}) has an altered definition</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/store/schema.py" />
            <source>Tệp {file} có cấu trúc khác cấu trúc do phần mềm tạo ra: {first} (tổng {count} khác biệt, xem chi tiết); không mở tệp này vì nó có thể chứa mã lạ chạy cùng dữ liệu</source>
            <translation>File {file} has a structure other than the one the program creates: {first} ({count} differences in all, see the details); the file is not opened because it may contain foreign code that runs with the data</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>tệp kê khai (manifest.json) không đọc được</source>
            <translation>the manifest (manifest.json) cannot be read</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>không phải gói đồng bộ OneStop</source>
            <translation>not a OneStop sync bundle</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>số phiên bản định dạng không hợp lệ</source>
            <translation>invalid format version number</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>gói được tạo bằng định dạng phiên bản {version}, mới hơn phiên bản {mine} chương trình này đọc được; hãy cập nhật chương trình</source>
            <translation>the bundle uses format version {version}, newer than version {mine} this program reads; update the program</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>tệp kê khai (manifest.json) thiếu hoặc sai trường</source>
            <translation>the manifest (manifest.json) has missing or wrong fields</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>khóa công khai trong tệp kê khai không hợp lệ</source>
            <translation>the public key in the manifest is invalid</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>dấu vân tay khóa không khớp với khóa công khai</source>
            <translation>the key fingerprint does not match the public key</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>khoảng số thứ tự sự kiện không hợp lệ</source>
            <translation>invalid event sequence range</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>tệp kê khai liệt kê một phần hai lần</source>
            <translation>the manifest lists a part twice</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>tên phần không hợp lệ: {name}</source>
            <translation>invalid part name: {name}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>Gói đồng bộ «{file}» bị từ chối: {reason}</source>
            <translation>Sync bundle «{file}» refused: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>{text}</source>
            <translation>{text}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>Không đọc được khóa ký {path}: {reason}</source>
            <translation>Could not read the signing key {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>Tệp khóa ký {path} bị hỏng</source>
            <translation>The signing key file {path} is damaged</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>Tệp khóa ký {path} không phải khóa Ed25519</source>
            <translation>The signing key file {path} is not an Ed25519 key</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>Tệp đính kèm {path} không còn đúng mã băm của nó; không đưa vào gói</source>
            <translation>The attachment {path} no longer has the hash it is named by; not put in the bundle</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>thiếu dấu niêm phong cuối tệp (tệp bị cắt hoặc sửa)</source>
            <translation>the seal at the end of the file is missing (the file was cut or edited)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>dấu niêm phong không khớp: tệp đã bị thay đổi sau khi máy trạm ghi</source>
            <translation>the seal does not match: the file was changed after the station wrote it</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>không có tệp đính kèm {sha}</source>
            <translation>no attachment {sha}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>tệp kê khai có khoảng sự kiện nhưng gói không có events.jsonl</source>
            <translation>the manifest lists event ranges but the bundle has no events.jsonl</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>không tìm thấy tệp</source>
            <translation>file not found</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>tệp không phải tệp zip hoàn chỉnh (bị cắt cụt hoặc hỏng)</source>
            <translation>the file is not a complete zip file (truncated or damaged)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>thiếu tệp kê khai manifest.json</source>
            <translation>the manifest manifest.json is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>gói có quá nhiều mục ({count})</source>
            <translation>the bundle has too many entries ({count})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» xuất hiện hai lần</source>
            <translation>entry «{name}» appears twice</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>gói chứa mục có tên không được phép: {name}</source>
            <translation>the bundle holds an entry with a forbidden name: {name}</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>thiếu chữ ký manifest.sig</source>
            <translation>the signature manifest.sig is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>gói được ký bằng khóa khác với khóa đã đăng ký</source>
            <translation>the bundle is signed with a key other than the registered one</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>chữ ký không đúng (tệp kê khai bị sửa hoặc chữ ký giả)</source>
            <translation>wrong signature (the manifest was edited or the signature forged)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» quá lớn</source>
            <translation>entry «{name}» is too large</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» không có trong tệp kê khai</source>
            <translation>entry «{name}» is not in the manifest</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>thiếu mục «{name}» mà tệp kê khai liệt kê</source>
            <translation>entry «{name}» listed in the manifest is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» có kích thước khác tệp kê khai</source>
            <translation>entry «{name}» has a size different from the manifest</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» vượt giới hạn kích thước</source>
            <translation>entry «{name}» exceeds the size limit</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>tổng dung lượng giải nén của gói vượt giới hạn</source>
            <translation>the bundle's total uncompressed size exceeds the limit</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» nén bất thường (nghi là bom zip)</source>
            <translation>entry «{name}» is abnormally compressed (suspected zip bomb)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» không đọc được (tệp bị cắt cụt hoặc hỏng)</source>
            <translation>entry «{name}» cannot be read (the file is truncated or damaged)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>mục «{name}» không giải nén được (tệp hỏng)</source>
            <translation>entry «{name}» cannot be decompressed (damaged file)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>nội dung mục «{name}» không khớp mã băm trong tệp kê khai</source>
            <translation>the content of entry «{name}» does not match its hash in the manifest</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>sự kiện của máy trạm {station} không nằm trong tệp kê khai</source>
            <translation>events of station {station} are not in the manifest</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>máy trạm {station}: thiếu sự kiện số {seq}</source>
            <translation>station {station}: event {seq} is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>máy trạm {station}: sự kiện số {seq} không nối vào sự kiện trước</source>
            <translation>station {station}: event {seq} does not link to the event before it</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>máy trạm {station}: sự kiện số {seq} đã bị sửa (mã băm không khớp)</source>
            <translation>station {station}: event {seq} was edited (hash mismatch)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>một dòng của events.jsonl quá dài</source>
            <translation>a line of events.jsonl is too long</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>dòng {line} của events.jsonl không phải một sự kiện</source>
            <translation>line {line} of events.jsonl is not an event</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>events.jsonl kết thúc giữa một dòng (bị cắt cụt)</source>
            <translation>events.jsonl ends in the middle of a line (truncated)</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>events.jsonl thiếu chuỗi sự kiện tệp kê khai liệt kê</source>
            <translation>events.jsonl lacks an event chain the manifest lists</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>số dòng của events.jsonl khác tệp kê khai</source>
            <translation>the number of lines of events.jsonl differs from the manifest</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/bundle.py" />
            <source>máy trạm {station}: chuỗi sự kiện dừng ở số {seq}, khác tệp kê khai ({last})</source>
            <translation>station {station}: the event chain stops at number {seq}, unlike the manifest ({last})</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>không phải tệp zip hợp lệ</source>
            <translation>not a valid zip file</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>có tên tệp trùng nhau trong gói</source>
            <translation>the bundle has duplicate file names</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>thiếu tệp kê khai hoặc chữ ký</source>
            <translation>the manifest or the signature is missing</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>tên tệp trong gói không hợp lệ</source>
            <translation>a file name in the bundle is not allowed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>một phần của gói quá lớn</source>
            <translation>a part of the bundle is too large</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>tệp kê khai không đọc được</source>
            <translation>the manifest cannot be read</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>tệp kê khai quá lớn</source>
            <translation>the manifest is too large</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>tệp kê khai không đúng dạng</source>
            <translation>the manifest is malformed</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>phiên bản định dạng {version} mới hơn phần mềm này</source>
            <translation>format version {version} is newer than this software</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>chữ ký không hợp lệ</source>
            <translation>the signature is not valid</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>các phần trong gói không khớp tệp kê khai</source>
            <translation>the parts of the bundle do not match the manifest</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>một phần của gói không đọc được</source>
            <translation>a part of the bundle cannot be read</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/sync/downward.py" />
            <source>một phần của gói đã bị sửa</source>
            <translation>a part of the bundle has been altered</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/ui/admin/__init__.py" />
            <source>Không có màn hình quản trị «{screen}»</source>
            <translation>There is no admin screen «{screen}»</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/ui/admin/backup.py" />
            <location filename="../../src/onestop_desktop/ui/mainwindow.py" />
            <source>Cơ sở dữ liệu trong bộ nhớ không sao lưu được</source>
            <translation>An in-memory database cannot be backed up</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/ui/intake.py" />
            <source>Thời điểm «{text}» không đúng dạng dd/mm/yyyy HH:MM</source>
            <translation>The time «{text}» is not in the form dd/mm/yyyy HH:MM</translation>
        </message>
        <message>
            <location filename="../../src/onestop_desktop/ui/intake.py" />
            <source>Thời điểm «{text}» không có thật</source>
            <translation>The time «{text}» does not exist</translation>
        </message>
    </context>
</TS>
