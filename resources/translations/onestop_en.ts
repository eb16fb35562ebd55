<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>ActionForm</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/action_forms.py" line="+103"/>
        <source>%1 — hồ sơ %2</source>
        <translation>%1 — dossier %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Hồ sơ %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Dossier %2 · %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Ghi nhận</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/users.py" line="+140"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Họ tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã thêm tài khoản %1 (%2)</source>
        <translation>Account %1 (%2) added</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="+432"/>
        <source>Hai lần nhập mật khẩu chưa giống nhau</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tên đăng nhập hợp lệ</source>
        <translation>Valid user name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mật khẩu đủ dài (ít nhất %1 ký tự)</source>
        <translation>Password is long enough (at least %1 characters)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hai lần nhập mật khẩu giống nhau</source>
        <translation>The two passwords match</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản quản trị đầu tiên của máy trạm.</source>
        <translation>The station&apos;s first administrator account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quản trị viên thêm tài khoản cho cán bộ tiếp nhận, chuyên viên và lãnh đạo sau khi đăng nhập. Hãy ghi nhớ mật khẩu: không ai xem lại được mật khẩu đã đặt.</source>
        <translation>After signing in, the administrator adds accounts for reception clerks, processing officers and leaders. Remember the passwords: nobody can view a password once it is set.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/audit.py" line="+74"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người thực hiện</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location line="+108"/>
        <source>Nhật ký hoạt động</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <location line="+6"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>mã hồ sơ</source>
        <translation>dossier code</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Từ ngày</source>
        <translation>From date</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Tìm</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cán bộ:</source>
        <translation>Staff:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ:</source>
        <translation>Dossier:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Việc:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 sự kiện mới nhất (cuộn xuống để xem thêm)</source>
        <translation>%1 most recent events (scroll down to see more)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không có sự kiện nào khớp</source>
        <translation>No matching events</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sự kiện</source>
        <translation>%1 events</translation>
    </message>
</context>
<context>
    <name>BackupScreen</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/backup.py" line="+245"/>
        <source>Sao lưu và khôi phục</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Khôi phục bản đã chọn…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tải &amp;lại danh sách</source>
        <translation>&amp;Reload the list</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+32"/>
        <source>Thư mục sao lưu: %1</source>
        <translation>Backup folder: %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi sao lưu thứ hai</source>
        <translation>Second backup location</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không thấy thư mục này (USB chưa cắm?)</source>
        <translation>Folder not found (USB drive not plugged in?)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang làm việc khác, xin chờ…</source>
        <translation>Another task is running, please wait…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã sao lưu %1 hồ sơ vào tệp %2</source>
        <translation>Backed up %1 dossiers to the file %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Đang kiểm tra bản sao lưu %1…</source>
        <translation>Checking backup %1…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Đang khôi phục dữ liệu, xin đừng tắt máy…</source>
        <translation>Restoring data, please do not turn off the computer…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Không mở lại được cơ sở dữ liệu: %1. Hãy đóng và mở lại chương trình.</source>
        <translation>Could not reopen the database: %1. Close the program and open it again.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(không có bản cũ)</source>
        <translation>(no old copy)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã khôi phục. Cơ sở dữ liệu cũ được giữ tại %1. Hãy đăng nhập lại.</source>
        <translation>Restored. The old database has been kept at %1. Please sign in again.</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/backup_status.py" line="+99"/>
        <source>Chưa có bản sao lưu nào</source>
        <translation>No backups yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa sao lưu từ %1</source>
        <translation>No backup since %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã hơn một ngày chưa sao lưu (lần cuối %1)</source>
        <translation>No backup for more than a day (last one %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sao lưu: %1</source>
        <translation>Backup: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao lưu gần nhất: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chương trình tự sao lưu mỗi ngày và khi đăng xuất, vào thư mục dữ liệu và nơi sao lưu thứ hai (nếu đã đặt trong Quản trị → Thiết lập)</source>
        <translation>The program backs up automatically every day and at sign-out, to the data folder and to the second backup location (if set in Admin → Settings)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Sao lưu tự động: %1</source>
        <translation>Automatic backup: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã tự sao lưu và kiểm tra (%1 nơi)</source>
        <translation>Backed up automatically and verified (%1 locations)</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/backup.py" line="-435"/>
        <source>Ngày giờ</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp quét</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (chưa hoàn tất, không dùng được)</source>
        <translation>%1 (incomplete, unusable)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (thiếu %2)</source>
        <translation>%1 (%2 missing)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 tệp quét mà bản sao lưu này ghi tên không có trong kho tệp quét bên cạnh nó: khôi phục bản này sẽ không mang lại được các tệp đó</source>
        <translation>%1 scanned files this backup names are not in the scans store beside it: restoring this backup cannot bring those files back</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/board.py" line="+188"/>
        <source>Bảng công khai tình trạng hồ sơ</source>
        <translation>Public dossier status board</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>MỜI NHẬN KẾT QUẢ</source>
        <translation>RESULTS READY FOR COLLECTION</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+264"/>
        <source>Tra cứu hồ sơ: quét mã QR trên giấy hẹn</source>
        <translation>Look up a dossier: scan the QR code on the appointment slip</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Đang chờ cập nhật dữ liệu…</source>
        <translation>Waiting for data update…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Mời công dân có hồ sơ {codes} đến nhận kết quả</source>
        <translation>Dossiers {codes}: results are ready, please come to collect them</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chưa có hồ sơ</source>
        <translation>No dossiers yet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hẹn trả</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hồ sơ tiếp nhận hôm nay</source>
        <translation>Dossiers received today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ đang giải quyết</source>
        <translation>Dossiers in progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả hôm nay</source>
        <translation>Results returned today</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedures</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Tra cứu hồ sơ</source>
        <translation>Dossier lookup</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Mã hồ sơ: {code}</source>
        <translation>Dossier code: {code}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Hôm nay tiếp nhận</source>
        <translation>Received today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trả kết quả</source>
        <translation>Results returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tháng này tiếp nhận</source>
        <translation>Received this month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đúng hạn trong tháng</source>
        <translation>On time this month</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/calendar.py" line="+37"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ngày nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày làm bù</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Văn bản chính thức</source>
        <translation>Official document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ước tính (thư viện holidays)</source>
        <translation>Estimated (holidays library)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập tay</source>
        <translation>Entered manually</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Căn cứ</source>
        <translation>Legal basis</translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <location line="+37"/>
        <source>Lịch làm việc: ngày nghỉ và ngày làm bù</source>
        <translation>Working calendar: days off and make-up working days</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Lý do, ví dụ: nghỉ bù Quốc khánh theo thông báo</source>
        <translation>Reason, for example: make-up day off for National Day as announced</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Thêm / sửa ngày</source>
        <translation>&amp;Add / edit day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Xóa ngày đã chọn</source>
        <translation>&amp;Delete the selected day</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Thứ Bảy, Chủ nhật là ngày nghỉ, trừ ngày làm bù ghi ở đây. Các dòng «Văn bản chính thức» lấy từ thông báo của Chính phủ kèm theo phần mềm; dòng «Ước tính» cần kiểm tra lại theo thông báo hằng năm.</source>
        <translation>Saturdays and Sundays are days off, except for the make-up working days listed here. Rows marked «Official document» come from the Government notices shipped with the software; rows marked «Estimated» must be checked against each year&apos;s notice.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 ngày nghỉ, %2 ngày làm bù trong năm %3</source>
        <translation>%1 days off, %2 make-up working days in %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — %2. Nguồn: %3</source>
        <translation>%1 — %2. Source: %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Đã ghi %1 là %2</source>
        <translation>Recorded %1 as %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã xóa ngày %1 khỏi lịch</source>
        <translation>Removed %1 from the calendar</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/catalog.py" line="+172"/>
        <source>Danh mục thủ tục hành chính</source>
        <translation>Administrative procedure catalogue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tìm theo mã, tên hoặc lĩnh vực (gõ không dấu cũng được)</source>
        <translation>Search by code, name or field (diacritics optional)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Nhập tệp danh mục…</source>
        <translation>&amp;Import catalogue file…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Bỏ, không nhập</source>
        <translation>Cancel, do not import</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Các phiên bản:</source>
        <translation>Versions:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thành phần hồ sơ của phiên bản đã chọn:</source>
        <translation>Required documents of the selected version:</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%Ln thủ tục</source>
        <translation>
            <numerusform>%Ln procedure</numerusform>
            <numerusform>%Ln procedures</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Chọn tệp danh mục thủ tục</source>
        <translation>Choose a procedure catalogue file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp danh mục (*.csv *.xlsx *.json);;Mọi tệp (*)</source>
        <translation>Catalogue files (*.csv *.xlsx *.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang đọc tệp %1…</source>
        <translation>Reading file %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tệp %1: %2 thủ tục đọc được, %3 dòng có lỗi (liệt kê dưới đây). Sửa tệp rồi nhập lại, hoặc nhập các thủ tục đúng và bỏ qua các dòng lỗi.</source>
        <translation>File %1: %2 procedures read, %3 rows with errors (listed below). Fix the file and import it again, or import the valid procedures and skip the rows with errors.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập %1 thủ tục, bỏ qua %2 dòng lỗi</source>
        <translation>Import %1 procedures, skip %2 faulty rows</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tệp %1: %2 thủ tục, không có lỗi.</source>
        <translation>File %1: %2 procedures, no errors.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nhập %1 thủ tục</source>
        <translation>Import %1 procedures</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Đã nhập danh mục: %1 thủ tục mới, %2 thủ tục có phiên bản mới, %3 không đổi, bỏ qua %4 dòng lỗi.</source>
        <translation>Catalogue imported: %1 new procedures, %2 procedures with a new version, %3 unchanged, %4 faulty rows skipped.</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="+56"/>
        <source>Chọn tệp danh mục thủ tục</source>
        <translation>Choose the procedure catalogue file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh mục thủ tục (*.csv *.xlsx *.json);;Mọi tệp (*)</source>
        <translation>Procedure catalogue (*.csv *.xlsx *.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tệp danh mục có %1 lỗi, chưa dùng được. Lỗi đầu tiên: %2</source>
        <translation>The catalogue file has %1 errors and cannot be used yet. First error: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tệp danh mục không có thủ tục nào</source>
        <translation>The catalogue file contains no procedures</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã đọc %1 thủ tục từ tệp %2</source>
        <translation>Read %1 procedures from the file %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Danh mục thủ tục</source>
        <translation>Procedure catalogue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các thủ tục hành chính xã tiếp nhận.</source>
        <translation>The administrative procedures received by the commune.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng danh mục &amp;mẫu đi kèm phần mềm (khuyên dùng)</source>
        <translation>Use the &amp;sample catalogue shipped with the software (recommended)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng &amp;tệp danh mục của xã (CSV, XLSX hoặc JSON):</source>
        <translation>Use the commune&apos;s catalogue &amp;file (CSV, XLSX or JSON):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chọn tệp…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Danh mục có thể nhập thêm hoặc cập nhật sau, trong Quản trị → Danh mục thủ tục.</source>
        <translation>The catalogue can be extended or updated later in Administration → Procedure catalogue.</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/labels.py" line="+50"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dịch vụ bưu chính</source>
        <translation>Postal service</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/models/procedures.py" line="+133"/>
        <source>Giấy tờ (đánh dấu nếu đã nộp)</source>
        <translation>Documents (tick if submitted)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số lượng</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>ConfirmForm</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/action_forms.py" line="+98"/>
        <source>Tiếp nhận hồ sơ nộp trực tuyến: ngày hẹn trả được tính từ bây giờ theo thời hạn của thủ tục.</source>
        <translation>Receiving an online dossier: the due date is counted from now, using the procedure&apos;s time limit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Công dân đã nộp đủ giấy tờ bổ sung: hồ sơ tiếp tục được xử lý, ngày hẹn trả được tính lại theo thiết lập của đơn vị.</source>
        <translation>The citizen has submitted all the supplementary documents: processing resumes and the due date is recalculated according to the unit&apos;s settings.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Công dân đã thực hiện nghĩa vụ tài chính: hồ sơ tiếp tục được xử lý, ngày hẹn trả được lùi thêm đúng thời gian chờ.</source>
        <translation>The citizen has met the financial obligation: processing of the dossier resumes and the due date is pushed back by exactly the waiting time.</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="+170"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bấm «Khởi tạo» để tạo cơ sở dữ liệu và đăng nhập.</source>
        <translation>Click «Initialize» to create the database and sign in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Khởi tạo</source>
        <translation>&amp;Initialise</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/msgbox.py" line="+153"/>
        <source>Lỗi không mong đợi — OneStop Desktop</source>
        <translation>Unexpected error — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chương trình gặp lỗi không mong đợi. Dữ liệu đã lưu không bị mất.
Hãy bấm «Sao chép báo cáo» và gửi nội dung cho bộ phận hỗ trợ kỹ thuật.</source>
        <translation>The program hit an unexpected error. Saved data has not been lost.
Click «Copy report» and send the text to technical support.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tệp nhật ký: %1</source>
        <translation>Log file: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không ghi được tệp nhật ký.</source>
        <translation>The log file could not be written.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sao chép báo cáo</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thoát chương trình</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục làm việc</source>
        <translation>Continue working</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã sao chép</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/dashboard.py" line="+260"/>
        <location line="+206"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Giải quyết đúng hạn</source>
        <translation>Resolved on time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused at receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỉ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Cập nhật lúc %1</source>
        <translation>Updated at %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã giải quyết</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không tính được: %1</source>
        <translation>Could not calculate: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đến hạn hôm nay (%1) — Enter để mở</source>
        <translation>Due today (%1) — Enter to open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang quá hạn hẹn trả (%1) — Enter để mở</source>
        <translation>Overdue (%1) — Enter to open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Theo Biểu 06: hồ sơ đang giải quyết (kể cả đang tạm dừng) có ngày hẹn trả trước ngày cuối kỳ</source>
        <translation>Per Report Form 06: dossiers in progress (including paused ones) whose due date is before the end of the period</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đúng những hồ sơ mà ô «Quá hạn» đếm (Biểu 06): đang giải quyết, kể cả đang tạm dừng, có ngày hẹn trả trước hôm nay (hẹn đầu tiên nếu đã xin lỗi hẹn lại, theo thiết lập). Bộ lọc «Quá hạn» của danh sách hồ sơ thì tính theo giờ hẹn và bỏ qua hồ sơ đang tạm dừng.</source>
        <translation>Exactly the dossiers the “Overdue” card counts (Report Form 06 rule): in progress, paused ones included, with an appointment before today (the first appointment if an apology rescheduled it, per the setting). The worklist&apos;s “Overdue” filter goes by the appointment hour and leaves out paused dossiers.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theo ngày (30 ngày gần nhất)</source>
        <translation>By day (last 30 days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo lĩnh vực (tháng này)</source>
        <translation>By field (this month)</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/models/procedures.py" line="-93"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao có chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/catalog.py" line="-275"/>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
</context>
<context>
    <name>DossierListModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/dashboard.py" line="-432"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Quá hạn so với hẹn trả %1 (Biểu 06); hẹn trả hiện tại %2 (đã hẹn lại)</source>
        <translation>Overdue against the appointment of %1 (Report Form 06); current appointment %2 (rescheduled)</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/dossier_view.py" line="+79"/>
        <source>&amp;Tiếp nhận hồ sơ trực tuyến</source>
        <extracomment>The button text of each action, with its Alt+letter. Letters of the menu bar (H, S, C, Q, G) and of the view&apos;s own buttons (I, P) are not used; two actions that can be offered at the same time never share a letter (``withdrawn`` and ``returned`` share R: a dossier that can be returned can no longer be withdrawn). ``tests/ui/test_dossier_view.py`` checks it.</extracomment>
        <translation>Accep&amp;t online dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối tiếp &amp;nhận</source>
        <translation>&amp;Refuse to accept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển &amp;xử lý</source>
        <translation>Send for &amp;processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu &amp;bổ sung hồ sơ</source>
        <translation>Request supple&amp;ment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận hồ sơ bổ s&amp;ung</source>
        <translation>Receive the s&amp;upplement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Request &amp;financial obligation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã thực hiện nghĩa &amp;vụ tài chính</source>
        <translation>Financial o&amp;bligation fulfilled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dừng xử lý</source>
        <translation>&amp;Stop processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có &amp;kết quả</source>
        <translation>&amp;Result ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;rả kết quả</source>
        <translation>Re&amp;turn result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rút hồ sơ</source>
        <translation>&amp;Withdraw the dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin lỗi và hẹn &amp;lại ngày trả</source>
        <translation>Apologise and &amp;reschedule</translation>
    </message>
    <message>
        <location line="+403"/>
        <source>Đã ghi nhận «%1» cho hồ sơ %2</source>
        <extracomment>The slip each action leads to (``ui.printing.offer_slip`` kinds): Mẫu 02, 03, 04.</extracomment>
        <translation>Recorded «%1» for dossier %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Chưa có chức năng in phiếu trên máy này</source>
        <translation>Slip printing is not available on this computer</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>· %1</source>
        <translation>· %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ nhập lại từ giấy (nhập lúc %1)</source>
        <translation>Dossier re-entered from paper (entered at %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Giải quyết đúng hạn</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giải quyết quá hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Chưa có</source>
        <translation>Not yet set</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 · máy trạm %2</source>
        <translation>%1 · station %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>giờ làm việc</source>
        <translation>working hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ngày</source>
        <translation>days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trong ngày</source>
        <translation>same day</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không ghi</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không thu phí</source>
        <translation>No fee</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Ngoài danh mục</source>
        <translation>Not in the catalogue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chưa nộp</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bỏ hẹn</source>
        <translation>Appointment cancelled</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1
%2 giờ làm việc</source>
        <translation>%1
%2 working hours</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
đến %2</source>
        <translation>%1
to %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nay (đang chờ)</source>
        <translation>now (still waiting)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Thành phần hồ sơ (%1 giấy tờ)</source>
        <translation>Required documents (%1 items)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 đ</source>
        <translation>%1 VND</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Mã hồ sơ:</source>
        <translation>Dossier code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các bước trạng thái:</source>
        <translation>Status history:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức nộp:</source>
        <translation>Submission channel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số bộ hồ sơ:</source>
        <translation>Number of sets:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp nhận lúc:</source>
        <translation>Received at:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập từ phiếu giấy lúc:</source>
        <translation>Entered from paper slip at:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả:</source>
        <translation>Due on:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian còn lại:</source>
        <translation>Time left:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ đang xử lý:</source>
        <translation>Officer in charge:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xử lý xong lúc:</source>
        <translation>Completed at:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đúng hạn:</source>
        <translation>On time:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trả kết quả lúc:</source>
        <translation>Result returned at:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nhận kết quả:</source>
        <translation>Result received by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trùng với hồ sơ:</source>
        <translation>Duplicate of dossier:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số lần yêu cầu bổ sung:</source>
        <translation>Supplement requests:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạm dừng từ:</source>
        <translation>Paused since:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số lần hẹn lại:</source>
        <translation>Times rescheduled:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đơn vị, máy trạm:</source>
        <translation>Unit, station:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật lần cuối:</source>
        <translation>Last updated:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư điện tử:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã thủ tục:</source>
        <translation>Procedure code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên thủ tục:</source>
        <translation>Procedure name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên bản:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn giải quyết:</source>
        <translation>Processing time limit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lệ phí:</source>
        <translation>Fee:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>← Quay lại</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Về danh sách hồ sơ (Alt+←)</source>
        <translation>Back to the dossier list (Alt+←)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In lại giấy tiếp nhận</source>
        <translation>Reprint rece&amp;ipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In lại giấy tiếp nhận và hẹn trả kết quả, ghi là bản sao (Ctrl+P)</source>
        <translation>Reprint the receipt and appointment slip, marked as a copy (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In &amp;phiếu kiểm soát</source>
        <translation>Print &amp;control slip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nộp hồ sơ</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục (khi tiếp nhận)</source>
        <translation>Procedure (at receipt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành phần hồ sơ</source>
        <translation>Required documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lịch sử hẹn trả</source>
        <translation>Appointment history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian tạm dừng</source>
        <translation>Paused periods</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có thao tác nào mà vai trò của bạn được làm ở trạng thái này.</source>
        <translation>Your role has no actions available in this status.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yêu cầu</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lúc</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hẹn trả</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vì sao</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chờ gì, bao lâu</source>
        <translation>What for, how long</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Từ – đến</source>
        <translation>From – to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/duplicates.py" line="+50"/>
        <source>Có thể trùng hồ sơ — OneStop Desktop</source>
        <translation>Possible duplicate dossier — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Người này đang có hồ sơ cùng thủ tục chưa giải quyết xong. Kiểm tra trước khi tiếp nhận:</source>
        <translation>This person already has an unfinished dossier for the same procedure. Check it before receiving:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ hồ sơ</source>
        <translation>Dossier owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày tiếp nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>chưa có</source>
        <translation>not set</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Mở hồ sơ đó</source>
        <translation>&amp;Open that dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vẫn tiếp nhận</source>
        <translation>Recei&amp;ve anyway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Từ chối vì trùng</source>
        <translation>&amp;Refuse as a duplicate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quay lại</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 hồ sơ đang giải quyết. Alt+M mở, Alt+V vẫn tiếp nhận, Alt+T từ chối.</source>
        <translation>%1 dossiers in progress. Alt+M: open, Alt+V: receive anyway, Alt+T: refuse.</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/i18n.py" line="+213"/>
        <source>&amp;Hoàn tác</source>
        <extracomment>The catalogue of error messages (``resources/translations/errors_&lt;lang&gt;.qm``).</extracomment>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cắ&amp;t</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sao chép</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dán</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Xóa</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọ&amp;n tất cả</source>
        <translation>Select &amp;All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao chép địa chỉ liên &amp;kết</source>
        <translation>Copy &amp;Link Location</translation>
    </message>
</context>
<context>
    <name>FinancialForm</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/action_forms.py" line="+118"/>
        <source>ví dụ 1.500.000</source>
        <translation>for example 1.500.000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Số tiền (đồng):</source>
        <translation>&amp;Amount (dong):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ghi chú:</source>
        <translation>&amp;Notes:</translation>
    </message>
</context>
<context>
    <name>HandOverForm</name>
    <message>
        <location line="-68"/>
        <source>%1 (%2) — %3</source>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Chuyển &amp;cho:</source>
        <translation>Hand &amp;over to:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ghi chú:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa có chuyên viên xử lý hoặc lãnh đạo nào đang hoạt động.</source>
        <translation>No processing officer or leader is active.</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="-115"/>
        <location line="+46"/>
        <source>Giờ làm việc</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Giờ chốt trả trong ngày</source>
        <translation>Same-day cutoff time</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 không hợp lệ; cần %2</source>
        <translation>%1 is invalid; expected %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dùng để tính ngày hẹn trả kết quả; sửa được sau trong Quản trị.</source>
        <translation>Used to calculate due dates; can be changed later under Administration.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Giờ làm việc:</source>
        <translation>&amp;Office hours:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các buổi «giờ:phút-giờ:phút», cách nhau bằng dấu phẩy.</source>
        <translation>Sessions as «hh:mm-hh:mm», separated by commas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giờ &amp;chốt trả trong ngày:</source>
        <translation>Same-day &amp;cutoff time:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ trả trong ngày nhận trước giờ này thì trả ngay hôm đó.</source>
        <translation>Same-day dossiers received before this time are returned that same day.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tự &amp;khóa sau (phút):</source>
        <translation>Auto-&amp;lock after (minutes):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không dùng máy quá số phút này thì phải nhập lại mật khẩu; 0 là không khóa.</source>
        <translation>After this many minutes of inactivity the password must be entered again; 0 means never lock.</translation>
    </message>
</context>
<context>
    <name>ImportErrorsModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/catalog.py" line="+21"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>InboxDock</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/inbox.py" line="+88"/>
        <source>Bản quét chờ</source>
        <translation>Pending scans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư mục máy quét: %1</source>
        <translation>Scanner folder: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gán vào hồ sơ đang mở</source>
        <translation>Attach to the open dossier</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 — đang chờ: %2</source>
        <translation>%1 — waiting: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — không dùng được: %2</source>
        <translation>%1 — cannot be used: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 trang)</source>
        <translation>%1 (%2 pages)</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/intake.py" line="+212"/>
        <source>Họ và tê&amp;n:</source>
        <extracomment>The channels a counter receives through (an online filing is registered, not received).</extracomment>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Số định danh cá nhân (12 số):</source>
        <translation>Personal ID number (12 digits):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Số điện thoại:</source>
        <translation>Phone number:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Nhập hồ sơ giấy (khi mất điện) — OneStop Desktop</source>
        <translation>Enter paper dossier (after a power cut) — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiếp nhận hồ sơ — OneStop Desktop</source>
        <translation>Receive a dossier — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hồ sơ tiếp nhận trên giấy</source>
        <translation>Dossier received on paper</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thời điểm tiếp nhận ghi trên &amp;phiếu:</source>
        <translation>Receipt &amp;time shown on the slip:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gõ tên hoặc mã thủ tục, ví dụ «khai sinh», rồi Enter</source>
        <translation>Type a procedure name or code, for example «khai sinh», then press Enter</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>Chưa chọn thủ tục</source>
        <translation>No procedure selected</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Người nộp là chủ hồ sơ</source>
        <translation>The applicant is the dossier owner</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Lưu và tiếp nhận (Ctrl+S)</source>
        <translation>&amp;Save and receive (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Thủ tục:</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thành phần &amp;hồ sơ (Space: đánh dấu / bỏ; F2: sửa):</source>
        <translation>Required &amp;documents (Space: check / uncheck; F2: edit):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Kênh tiếp nhận:</source>
        <translation>Intake &amp;channel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số &amp;bộ hồ sơ:</source>
        <translation>Number of &amp;sets:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ghi chú:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <location line="+299"/>
        <source>Kéo thả bản quét vào đây để đính kèm khi tiếp nhận</source>
        <translation>Drag and drop scans here to attach them on receipt</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Không có thủ tục nào khớp với chữ đã gõ</source>
        <translation>No procedure matches what you typed</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Không có thủ tục mã %1 để tiếp nhận</source>
        <translation>No procedure with code %1 to receive</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Đã chọn: %1 — %2</source>
        <translation>Selected: %1 — %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nhập thời điểm tiếp nhận để tính ngày hẹn trả</source>
        <translation>Enter the time of receipt to calculate the due date</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hẹn trả: %1 · Lệ phí: %2 · Thời hạn: %3</source>
        <translation>Due on: %1 · Fee: %2 · Time limit: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa nhập thời điểm tiếp nhận ghi trên phiếu giấy</source>
        <translation>The receipt time written on the paper slip is missing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✓ Tiếp nhận lúc %1</source>
        <translation>✓ Received at %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Chưa chọn thủ tục: gõ tên thủ tục rồi Enter</source>
        <translation>No procedure selected: type the procedure name, then Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa nhập họ tên chủ hồ sơ</source>
        <translation>The dossier owner&apos;s full name is missing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thông tin chủ hồ sơ chưa đúng: xem dòng báo đỏ</source>
        <translation>The applicant&apos;s details are not right: see the lines in red</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa nhập họ tên người nộp hồ sơ</source>
        <translation>Enter the applicant&apos;s full name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thông tin người nộp chưa đúng: xem dòng báo đỏ</source>
        <translation>The submitter&apos;s details are not correct: see the lines in red</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Bản quét sẽ đính kèm (%1 tệp): %2</source>
        <translation>Scans to attach (%1 files): %2</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Không lưu được bản nháp: %1</source>
        <translation>Could not save the draft: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã lưu nháp lúc %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đã khôi phục bản nháp</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Khôi phục bản nháp? — OneStop Desktop</source>
        <translation>Restore draft? — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(chưa có tên)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Có một hồ sơ đang nhập dở (%1, lưu lúc %2), có thể do mất điện hoặc phần mềm bị tắt. Khôi phục bản nháp?</source>
        <translation>A dossier was being entered (%1, saved at %2), perhaps interrupted by a power cut or the software closing. Restore the draft?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bỏ bản nháp, nhập mới</source>
        <translation>&amp;Discard the draft, start a new one</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Bỏ hồ sơ đang nhập? — OneStop Desktop</source>
        <translation>Discard the dossier being entered? — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ này chưa được lưu. Bỏ những gì đã nhập?</source>
        <translation>This dossier has not been saved. Discard what was entered?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bỏ hồ sơ đang nhập</source>
        <translation>&amp;Discard the dossier being entered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tiếp tục nhập</source>
        <translation>&amp;Continue entering</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="-497"/>
        <source>Thiết lập máy trạm mới</source>
        <extracomment>The demo commune&apos;s size, as the Quick start makes it.</extracomment>
        <translation>Set up a new station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy này chưa có dữ liệu của Bộ phận Một cửa.</source>
        <translation>This computer has no one-stop counter data yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Các bước sau tạo cơ sở dữ liệu của xã trên máy này: tên và mã định danh của đơn vị, số hiệu máy trạm, tài khoản quản trị đầu tiên, danh mục thủ tục và giờ làm việc. Xong là đăng nhập được ngay. Bấm «Tiếp» để bắt đầu.</source>
        <translation>The following steps create the commune&apos;s database on this computer: the unit&apos;s name and identification code, the station number, the first administrator account, the procedure catalogue and office hours. Once done, you can sign in straight away. Click «Next» to begin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thư mục dữ liệu: %1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chỉ muốn xem thử hoặc tập huấn? Mở một xã mẫu với hồ sơ giả, các tài khoản mẫu dùng mật khẩu «onestop2025». Không dùng xã mẫu cho công việc thật.</source>
        <translation>Just want to try it out or train? Open a sample commune with fictitious dossiers; the sample accounts use the password «onestop2025». Do not use the sample commune for real work.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mở xã mẫu (dữ liệu thử)</source>
        <translation>Open the sample commune (test data)</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/keys_dialog.py" line="+97"/>
        <source>Khóa ký và tin cậy</source>
        <translation>Signing keys and trust</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Khóa ký của máy này</source>
        <translation>This machine&apos;s signing key</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Ghi thẻ khóa ra tệp…</source>
        <translation>&amp;Write the key card to a file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tạo khóa &amp;mới…</source>
        <translation>Make a &amp;new key…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Khóa máy này tin cậy</source>
        <translation>Keys this machine trusts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đăng &amp;ký thẻ khóa…</source>
        <translation>&amp;Register a key card…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Thay khóa đã đăng ký…</source>
        <translation>Re&amp;place a registered key…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 (%2), %3 — dấu vân tay: %4</source>
        <translation>%1 (%2), %3 — fingerprint: %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>máy trạm %1</source>
        <translation>station %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Khóa này thay khóa cũ có dấu vân tay %1 (từ sự kiện số %2).</source>
        <translation>This key replaces the old key with fingerprint %1 (from event no. %2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chọn thư mục ghi thẻ khóa (ví dụ USB)</source>
        <translation>Choose the folder to write the key card to (e.g. a USB stick)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã ghi thẻ khóa %1. Dấu vân tay: %2 — đọc cho máy kia so khi đăng ký.</source>
        <translation>Key card %1 written. Fingerprint: %2 — read it out to the other side to compare when they register it.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tạo khóa ký mới cho máy này?

Chỉ làm khi khóa cũ bị mất (hỏng ổ đĩa, khôi phục bản sao lưu không có thư mục keys) hoặc không được dùng nữa. Chuỗi sự kiện giữ nguyên; tệp khóa cũ được cất vào keys/retired. Sau đó phải mang thẻ khóa mới lên cấp huyện để đăng ký thay khóa cũ, trước khi gói mới được nhận.</source>
        <translation>Make a new signing key for this machine?

Only do this when the old key is lost (a failed disk, a backup restored without its keys folder) or must no longer be used. The chain of events stays as it is; the old key file is put aside in keys/retired. Then take the new key card to the district to register it in place of the old key, before new bundles are accepted.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tạo khóa mới</source>
        <translation>Make a new key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn thư mục ghi thẻ khóa mới (ví dụ USB)</source>
        <translation>Choose the folder to write the new key card to (e.g. a USB stick)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã tạo khóa mới; thẻ khóa: %1.
Dấu vân tay khóa MỚI: %2
Dấu vân tay khóa CŨ: %3</source>
        <translation>New key made; key card: %1.
NEW key fingerprint: %2
OLD key fingerprint: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Khóa cũ đã ký xác nhận việc đổi khóa.</source>
        <translation>The old key signed the hand-over.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khóa cũ đã mất nên thẻ không có chữ ký của nó: hãy đọc cả hai dấu vân tay cho cấp huyện qua điện thoại.</source>
        <translation>The old key is lost, so the card carries no signature of it: read both fingerprints to the district over the phone.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cấp huyện %1</source>
        <translation>district %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, máy trạm %2</source>
        <translation>%1, station %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tin cậy khóa của %1 (%2)?

Dấu vân tay: %3

Chỉ đồng ý khi dấu vân tay này trùng với dấu vân tay máy kia in ra hoặc đọc qua điện thoại.</source>
        <translation>Trust the key of %1 (%2)?

Fingerprint: %3

Agree only when this fingerprint is the same as the one the other machine printed or read out over the phone.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Khóa này thay khóa cũ có dấu vân tay %1.</source>
        <translation>This key replaces the old key with fingerprint %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng ký thẻ khóa</source>
        <translation>Register a key card</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã đăng ký khóa mới của %1.</source>
        <translation>The new key of %1 is registered.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Khóa cũ (%1) thôi dùng: gói ký bằng nó vẫn được nhận cho các sự kiện đến số %2.</source>
        <translation>The old key (%1) is retired: bundles it signed are still accepted for events up to no. %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã đăng ký khóa của %1. Dấu vân tay: %2</source>
        <translation>The key of %1 is registered. Fingerprint: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đồng ý</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chọn thẻ khóa</source>
        <translation>Choose a key card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thẻ khóa OneStop (*.json)</source>
        <translation>OneStop key cards (*.json)</translation>
    </message>
</context>
<context>
    <name>KeysModel</name>
    <message>
        <location line="-271"/>
        <source>Mã đơn vị</source>
        <extracomment>Ask the admin a yes/no question (title, text) -&gt; yes. Tests replace it on the instance.</extracomment>
        <translation>Unit code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày đăng ký</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>máy trạm %1</source>
        <translation>station %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/lockscreen.py" line="+174"/>
        <source>Chưa nhập mật khẩu</source>
        <extracomment>The input that counts as &quot;someone is using the PC&quot;.</extracomment>
        <translation>Enter your password</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Đã khóa — OneStop Desktop</source>
        <translation>Locked — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy đang khóa</source>
        <translation>This computer is locked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang đăng nhập: %1 (%2), %3
%4, máy trạm %5</source>
        <translation>Signed in: %1 (%2), %3
%4, station %5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mở khóa</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập &amp;người khác</source>
        <translation>Sign in as &amp;another user</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/lookup.py" line="+35"/>
        <source>Tra cứu hồ sơ: quét mã QR trên giấy hẹn hoặc nhập mã hồ sơ rồi nhấn Enter</source>
        <translation>Dossier lookup: scan the QR code on the appointment slip or type the dossier code and press Enter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Chưa tra cứu được lúc này, xin thử lại sau ít phút.</source>
        <translation>The lookup is unavailable right now; please try again in a few minutes.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không tìm thấy hồ sơ có mã này. Xin kiểm tra lại mã trên giấy hẹn.</source>
        <translation>No dossier has this code. Please check the code on the appointment slip.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chưa có</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hẹn trả kết quả</source>
        <translation>Result due on</translation>
    </message>
</context>
<context>
    <name>LookupWindow</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/board.py" line="+45"/>
        <source>Tra cứu tình trạng hồ sơ</source>
        <translation>Dossier status lookup</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/mainwindow.py" line="+318"/>
        <source>Đang sao lưu, xin chờ…</source>
        <translation>A backup is running, please wait…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang sao lưu cơ sở dữ liệu…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Giới thiệu — OneStop Desktop</source>
        <translation>About — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OneStop Desktop %1
Phần mềm Bộ phận Một cửa cấp xã, chạy được khi không có mạng.
Đơn vị: %2 (%3), máy trạm %4.</source>
        <translation>OneStop Desktop %1
Software for a commune one-stop counter; works without a network.
Unit: %2 (%3), station %4.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cơ sở dữ liệu bị hỏng — OneStop Desktop</source>
        <translation>The database is damaged — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã sao lưu %1 hồ sơ vào tệp %2 (thư mục backups)</source>
        <translation>Backed up %1 dossiers to the file %2 (backups folder)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sao lưu không thành công</source>
        <translation>The backup failed</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Đang sao lưu, xin chờ sao lưu xong rồi thoát</source>
        <translation>A backup is running; wait for it to finish before quitting</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cán bộ: %1 (%2)</source>
        <translation>Staff: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy trạm %1 · %2</source>
        <translation>Station %1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đếm được hồ sơ</source>
        <translation>Dossier count unavailable</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln hồ sơ</source>
        <translation>
            <numerusform>%Ln dossier</numerusform>
            <numerusform>%Ln dossiers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — OneStop Desktop</source>
        <translation>%1 — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Mở hồ sơ theo mã — OneStop Desktop</source>
        <translation>Open dossier by code — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã hồ sơ (gõ hoặc quét mã vạch, mã QR trên giấy tiếp nhận):</source>
        <translation>Dossier code (type it, or scan the barcode or QR code on the receipt slip):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Chọn một hồ sơ để in lại phiếu</source>
        <translation>Select a dossier to reprint its slip</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Tài khoản này không có quyền tiếp nhận hồ sơ</source>
        <translation>This account is not allowed to receive dossiers</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Đã tiếp nhận hồ sơ %1, hẹn trả %2</source>
        <translation>Dossier %1 received, due %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>In sổ theo dõi hồ sơ (Mẫu 06)</source>
        <translation>Print the dossier ledger (Form 06)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Báo cáo Biểu 06 (PDF)</source>
        <translation>Report Form 06 (PDF)</translation>
    </message>
</context>
<context>
    <name>PagesPanel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/attachments.py" line="+174"/>
        <source>Bản quét</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kéo thả tệp JPEG, PNG, TIFF hoặc PDF vào đây (hoặc vào một dòng của thành phần hồ sơ để nói đó là giấy tờ nào).</source>
        <translation>Drag and drop JPEG, PNG, TIFF or PDF files here (or onto a row of the required documents to say which document it is).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thêm tệp…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xoay trái</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xoay phải</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gỡ bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+185"/>
        <source>Gộp thành PDF</source>
        <translation>Merge into PDF</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Trang</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu phóng</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (%2 trang)</source>
        <translation>%1 (%2 pages)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Không đọc được tệp này (xem «onestop attachments --check»)</source>
        <translation>This file cannot be read (see «onestop attachments --check»)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Chọn bản quét</source>
        <translation>Choose scans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bản quét (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</source>
        <translation>Scans (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/printing.py" line="+389"/>
        <source>%1 — OneStop Desktop</source>
        <translation>%1 — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến ngày:</source>
        <translation>To date:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/intake.py" line="-788"/>
        <source>Số định danh cá nhân có 12 chữ số (đã nhập %1)</source>
        <translation>The personal ID number has 12 digits (%1 entered)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✓ Số định danh hợp lệ</source>
        <translation>✓ Valid ID number</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/printing.py" line="+18"/>
        <source>Sổ theo dõi hồ sơ (Mẫu 06)</source>
        <translation>Dossier ledger (Form 06)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo cáo Biểu 06</source>
        <translation>Report Form 06</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản tổng hợp trong ngày</source>
        <translation>Daily summary</translation>
    </message>
</context>
<context>
    <name>ProceduresModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/catalog.py" line="-84"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang áp dụng</source>
        <translation>In effect</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ReasonForm</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/action_forms.py" line="-30"/>
        <source>Phiếu từ chối tiếp nhận (Mẫu 03) được in sau khi ghi nhận.</source>
        <translation>The refusal slip (Form 03) is printed after recording.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lý do:</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>RescheduleForm</name>
    <message>
        <location line="+160"/>
        <source>Ngày hẹn trả hiện tại: %1</source>
        <translation>Current due date: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ngày hẹn &amp;mới:</source>
        <translation>&amp;New due date:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lý do:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã hẹn lại %1 lần (không giới hạn số lần).</source>
        <translation>Rescheduled %1 times (no limit on the number of times).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã hẹn lại %1 lần, tối đa %2 lần.</source>
        <translation>Rescheduled %1 time(s); at most %2 allowed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phiếu xin lỗi và hẹn lại ngày trả (Mẫu 04) được in sau khi ghi nhận.</source>
        <translation>The apology and new appointment slip (Form 04) is printed after recording.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Hồ sơ đã hẹn lại đủ số lần tối đa; không hẹn lại được nữa.</source>
        <translation>This dossier has been rescheduled the maximum number of times; it cannot be rescheduled again.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/users.py" line="+26"/>
        <source>Đặt lại mật khẩu — %1</source>
        <translation>Reset password — %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Báo mật khẩu mới cho cán bộ; tài khoản đang bị khóa sẽ được mở khóa.</source>
        <translation>Tell the staff member the new password; a locked account will be unlocked.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Confirm password:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã đặt lại mật khẩu của %1</source>
        <translation>The password of %1 has been reset</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/backup.py" line="+31"/>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bản sao lưu %1 đã được kiểm tra: nguyên vẹn, %2 hồ sơ, ghi lần cuối lúc %3.

Khôi phục sẽ THAY TOÀN BỘ dữ liệu đang dùng của máy trạm (hiện có %4 hồ sơ) bằng bản sao lưu này. Mọi hồ sơ, tài khoản, thiết lập và thay đổi ghi sau %3 sẽ không còn trong dữ liệu đang dùng.

Cơ sở dữ liệu hiện tại không bị xóa: nó được giữ nguyên bên cạnh với tên onestop.db.replaced-… để có thể lấy lại.

Sau khi khôi phục, chương trình đăng xuất; mọi người đăng nhập lại bằng tài khoản có trong bản sao lưu.</source>
        <translation>Backup %1 has been checked: intact, %2 dossiers, last written at %3.

Restoring REPLACES ALL the data this station is using (currently %4 dossiers) with this backup. Every dossier, account, setting and change recorded after %3 will no longer be in the data in use.

The current database is not deleted: it is kept alongside under the name onestop.db.replaced-… so that it can be recovered.

After the restore, the program signs out; everyone signs in again with an account that exists in the backup.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>CẢNH BÁO: bản sao lưu này không phải của máy trạm này (%1). Nếu vẫn khôi phục, máy này tiếp tục chuỗi sự kiện với tư cách máy trạm %2 của đơn vị %3; khóa ký trong thư mục keys/ không ký được cho máy trạm đó (phải chép khóa của máy trạm đó vào trước khi đồng bộ), và không được để hai máy cùng chạy một số máy trạm.</source>
        <translation>WARNING: this backup is not from this station (%1). If you restore it anyway, this computer will continue the event chain as station %2 of unit %3; the signing key in the keys/ folder cannot sign for that station (copy that station&apos;s key in before syncing), and two computers must never run with the same station number.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>khôi phục</source>
        <translation>khoi phuc</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gõ «khôi phục» vào ô dưới đây để xác nhận:</source>
        <translation>Type «khoi phuc» in the box below to confirm:</translation>
    </message>
</context>
<context>
    <name>ResultForm</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/action_forms.py" line="-61"/>
        <source>&amp;Kết quả, ghi chú:</source>
        <translation>&amp;Result, notes:</translation>
    </message>
</context>
<context>
    <name>ReturnForm</name>
    <message>
        <location line="+14"/>
        <source>&amp;Người nhận kết quả:</source>
        <translation>&amp;Recipient of the result:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>số định danh cá nhân 12 số</source>
        <translation>12-digit personal ID number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số định &amp;danh:</source>
        <translation>I&amp;D number:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ghi chú:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/labels.py" line="-11"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Reception clerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyên viên xử lý</source>
        <translation>Processing officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vận hành (dòng lệnh)</source>
        <translation>Operator (command line)</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/users.py" line="-43"/>
        <source>Đổi vai trò — %1</source>
        <translation>Change role — %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vai trò mới của %1:</source>
        <translation>New role for %1:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã đổi vai trò của %1 thành %2</source>
        <translation>Changed the role of %1 to %2</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/settings.py" line="+57"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mặc định</source>
        <translation>Default</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>để trống: không giới hạn</source>
        <translation>leave blank: no limit</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>đang dùng mặc định</source>
        <translation>using the default</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đã thay đổi</source>
        <translation>changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
Mặc định: %2 · Hiện tại: %3 · Giá trị hợp lệ: %4</source>
        <translation>%1
Default: %2 · Current: %3 · Valid values: %4</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã trả về giá trị mặc định.</source>
        <translation>Reset to the default value.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location line="+20"/>
        <source>Thiết lập nghiệp vụ</source>
        <translation>Operational settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Các quy tắc văn bản pháp luật để cho đơn vị tự quyết định. Mỗi thay đổi có hiệu lực ngay cho các hồ sơ tiếp nhận sau đó và được ghi vào nhật ký.</source>
        <translation>Rules that legal documents leave to the unit to decide. Each change takes effect at once for dossiers received afterwards and is recorded in the log.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="+633"/>
        <source>danh mục mẫu đi kèm phần mềm</source>
        <translation>the sample catalogue shipped with the software</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tệp %1</source>
        <translation>file %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đơn vị: %1 (%2)</source>
        <translation>Unit: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy trạm số %1</source>
        <translation>Station no. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quản trị viên: %1</source>
        <translation>Administrator: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh mục thủ tục: %1</source>
        <translation>Procedure catalogue: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giờ làm việc: %1; chốt trả trong ngày %2; tự khóa sau %3 phút</source>
        <translation>Office hours: %1; same-day cut-off %2; auto-lock after %3 minutes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thư mục dữ liệu: %1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trang «%1» chưa điền đủ hoặc chưa đúng</source>
        <translation>The page «%1» is incomplete or has errors</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Đang tạo xã mẫu với %1 hồ sơ…</source>
        <translation>Creating the sample commune with %1 dossiers…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Đang tạo xã mẫu: %1/%2 hồ sơ…</source>
        <translation>Creating the sample commune: %1/%2 dossiers…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Thiết lập ban đầu — OneStop Desktop</source>
        <translation>Initial setup — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; &amp;Quay lại</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tiếp &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Khởi tạo</source>
        <translation>&amp;Initialise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/shortcuts.py" line="+62"/>
        <source>&amp;Hệ thống</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ &amp;sơ</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo &amp;cáo</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quản trị</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Danh sách hồ sơ</source>
        <translation>&amp;Worklist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tìm hồ sơ</source>
        <translation>&amp;Find a dossier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tiếp &amp;nhận hồ sơ mới</source>
        <translation>Receive a &amp;new dossier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nhập hồ sơ &amp;giấy (khi mất điện)</source>
        <translation>Enter a &amp;paper dossier (after a power cut)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Bộ lọc danh sách</source>
        <translation>Filter the &amp;list</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Tổng quan</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In &amp;sổ theo dõi (Mẫu 06)…</source>
        <translation>Print the &amp;ledger (Form 06)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Báo cáo &amp;Biểu 06 (PDF)…</source>
        <translation>&amp;Report Form 06 (PDF)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bản tổng hợp trong &amp;ngày</source>
        <translation>&amp;Daily summary</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mở bảng &amp;công khai</source>
        <translation>Open the public &amp;board</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Xóa ô tìm, xem tất cả hồ sơ</source>
        <translation>&amp;Clear the search, show all dossiers</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tải &amp;lại</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Mở hồ sơ theo mã</source>
        <translation>&amp;Open dossier by code</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;In lại phiếu của hồ sơ</source>
        <translation>Re&amp;print the dossier&apos;s slip</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quay lại danh sách</source>
        <translation>&amp;Back to the list</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Khóa máy</source>
        <translation>&amp;Lock the station</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đăng nhập người &amp;khác</source>
        <translation>Sign in as someone &amp;else</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Ngôn ngữ / Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Xuất gói đồng bộ…</source>
        <translation>&amp;Export sync bundle…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nhậ&amp;p gói đồng bộ…</source>
        <translation>&amp;Import a sync bundle…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Khóa ký và tin cậy…</source>
        <translation>Signing &amp;keys and trust…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đăng &amp;xuất</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tài khoản cán bộ</source>
        <translation>&amp;Staff accounts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Danh mục thủ tục</source>
        <translation>&amp;Procedure catalogue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lịch làm việc</source>
        <translation>Working &amp;calendar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Thiết lập</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Sao lưu / khôi phục</source>
        <translation>&amp;Backup / restore</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Nhật ký hoạt động</source>
        <translation>Activity &amp;log</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Phím tắt</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Giới thiệu OneStop Desktop</source>
        <translation>&amp;About OneStop Desktop</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location line="+29"/>
        <source>Phím tắt — OneStop Desktop</source>
        <translation>Keyboard shortcuts — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lệnh</source>
        <translation>Command</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phím</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/signin.py" line="+211"/>
        <source>Chưa nhập tên đăng nhập</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa nhập mật khẩu</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Đăng nhập — OneStop Desktop</source>
        <translation>Sign in — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ví dụ: tiepnhan</source>
        <translation>for example: tiepnhan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng &amp;nhập</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập người &amp;khác</source>
        <translation>Sign in as someone &amp;else</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/printing.py" line="-262"/>
        <source>%1 — OneStop Desktop</source>
        <translation>%1 — OneStop Desktop</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không hiển thị được bản xem trước trên máy này; vẫn có thể in hoặc lưu thành PDF.</source>
        <translation>The preview cannot be shown on this computer; you can still print or save as PDF.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu thành PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+129"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Lưu phiếu thành PDF</source>
        <translation>Save the slip as PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>In phiếu</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chưa có máy in</source>
        <translation>No printer available</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy tính này chưa cài máy in nào. Phiếu đã được lưu để in sau tại:
%1</source>
        <translation>No printer is installed on this computer. The slip has been saved to print later at:
%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Không in được</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy in «%2» báo lỗi hoặc không sẵn sàng. Phiếu đã được lưu để in sau tại:
%1</source>
        <translation>The printer «%2» reported an error or is not ready. The slip has been saved for printing later at:
%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(không lưu được)</source>
        <translation>(could not be saved)</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="-658"/>
        <source>Hồ sơ đầu tiên trong ngày của máy này sẽ có mã: %1</source>
        <translation>The first dossier of the day on this computer will have the code: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Máy trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số hiệu của máy tính này trong Bộ phận Một cửa của xã.</source>
        <translation>This computer&apos;s number at the commune&apos;s one-stop counter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Số hiệu máy trạm:</source>
        <translation>&amp;Station number:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mỗi máy tính của cùng một xã phải lấy một số hiệu riêng, từ 1 đến 9: máy thứ nhất là 1, máy thứ hai là 2… Số hiệu là chữ số đầu của số thứ tự trong mã hồ sơ, nhờ vậy các máy cấp mã không bao giờ trùng nhau, kể cả khi không nối mạng. Hai máy cùng số hiệu sẽ cấp trùng mã hồ sơ: hãy hỏi số hiệu của các máy đã cài trước.</source>
        <translation>Each computer in the same commune must take its own number, from 1 to 9: the first computer is 1, the second is 2… The number is the first digit of the sequence number in the dossier code, so the computers never issue the same code, even without a network. Two computers with the same number will issue duplicate dossier codes: ask for the numbers of the computers already installed.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/labels.py" line="-20"/>
        <source>Mới đăng ký</source>
        <translation>Newly registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không được tiếp nhận</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligation requested</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã xử lý xong</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
</context>
<context>
    <name>SupplementForm</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/action_forms.py" line="-74"/>
        <source>Cần &amp;bổ sung:</source>
        <translation>Documents &amp;needed:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phím cách để chọn hoặc bỏ chọn một giấy tờ</source>
        <translation>Space selects or deselects a document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mỗi dòng một loại giấy tờ</source>
        <translation>one document per line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ &amp;khác:</source>
        <translation>&amp;Other documents:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lý do:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) được in sau khi ghi nhận.</source>
        <translation>The request to supplement and complete the dossier (Form 02) is printed once this is recorded.</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/sync_dialogs.py" line="+153"/>
        <source>Chọn thư mục ghi gói đồng bộ (ví dụ USB)</source>
        <translation>Choose the folder to write the sync bundle to (e.g. a USB drive)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chọn gói đồng bộ cần nhập</source>
        <translation>Choose the sync bundle to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gói đồng bộ (*.osb)</source>
        <translation>Sync bundles (*.osb)</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location line="-119"/>
        <source>Đã xuất và kiểm tra lại gói %1: %2 sự kiện. Dấu vân tay khóa: %3</source>
        <translation>Exported and re-verified bundle %1: %2 events. Key fingerprint: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đang xuất gói đồng bộ…</source>
        <translation>Exporting the sync bundle…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cấp huyện xác nhận đã giữ đến sự kiện số %1.</source>
        <translation>The district has confirmed it holds events up to no. %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gói %1 đã được nhập lúc %2; không thay đổi gì.</source>
        <translation>Bundle %1 was already imported at %2; nothing changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gói %1 đã được nhập trước đây; không thay đổi gì.</source>
        <translation>Bundle %1 was already imported; nothing changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã nhập gói %1 của %2, máy trạm %3: %4 sự kiện mới.</source>
        <translation>Imported bundle %1 from %2, station %3: %4 new events.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã cập nhật %1 hồ sơ của cấp huyện.</source>
        <translation>Updated %1 district dossiers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giấy xác nhận %1 đã ghi bên cạnh gói: mang về máy trạm.</source>
        <translation>Receipt %1 has been written next to the bundle: take it back to the station.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang kiểm tra và nhập gói đồng bộ…</source>
        <translation>Checking and importing the sync bundle…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+18"/>
        <source>Gói đồng bộ</source>
        <translation>Sync bundle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/models/timeline.py" line="+35"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người thực hiện</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái sau đó</source>
        <translation>Status afterwards</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/setup_wizard.py" line="-75"/>
        <source>Mã định danh đúng dạng</source>
        <translation>Identification code is well formed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên và mã định danh của Ủy ban nhân dân xã.</source>
        <translation>Name and agency code of the Commune People&apos;s Committee.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tên đơn vị:</source>
        <translation>Unit &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ví dụ: UBND xã Hòa Bình</source>
        <translation>for example: People&apos;s Committee of Hoa Binh Commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mã định danh:</source>
        <translation>&amp;Agency code:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã định danh điện tử của đơn vị, dạng LLL.KK.JJ.XNN (ví dụ 000.00.12.H29), in trong văn bản cấp mã của tỉnh. Mã này đứng đầu mọi mã hồ sơ và không đổi được sau khi khởi tạo.</source>
        <translation>The unit&apos;s electronic identification code, in the form LLL.KK.JJ.XNN (for example 000.00.12.H29), printed in the province&apos;s code-assignment document. This code begins every dossier code and cannot be changed after setup.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/users.py" line="-146"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa đến</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã vô hiệu hóa</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location line="+180"/>
        <source>Tài khoản cán bộ</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Thêm tài khoản…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đổi &amp;vai trò…</source>
        <translation>Change ro&amp;le…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đặt lại &amp;mật khẩu…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở &amp;khóa</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vô &amp;hiệu hóa…</source>
        <translation>&amp;Deactivate…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Đã mở khóa tài khoản %1</source>
        <translation>Account %1 unlocked</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Vô hiệu hóa tài khoản</source>
        <translation>Disable the account</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vô hiệu hóa tài khoản %1 (%2)? Cán bộ này sẽ không đăng nhập được nữa; tên của họ vẫn giữ trong nhật ký và các hồ sơ đã xử lý.</source>
        <translation>Deactivate the account %1 (%2)? This staff member will no longer be able to sign in; their name stays in the log and in the dossiers they handled.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vô hiệu hóa</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã vô hiệu hóa tài khoản %1</source>
        <translation>Account %1 deactivated</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/catalog.py" line="+19"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số giấy tờ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang áp dụng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/models/worklist.py" line="+60"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạm dừng (chờ bổ sung, nộp phí)</source>
        <translation>Paused (awaiting supplement or fee payment)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có kết quả, chờ trả</source>
        <translation>Result ready, awaiting return</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn còn lại</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người xử lý</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location line="+375"/>
        <location line="+2"/>
        <location line="+9"/>
        <source>Quá hạn %1 ngày</source>
        <translation>Overdue by %1 days</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Quá hạn %1 giờ</source>
        <translation>Overdue by %1 hours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quá hạn %1 ngày làm việc</source>
        <translation>Overdue by %1 working days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quá hạn %1 giờ làm việc</source>
        <translation>Overdue by %1 working hours</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <location line="+5"/>
        <source>Còn %1 ngày</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Còn %1 giờ</source>
        <translation>%1 hours left</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Còn %1 ngày làm việc</source>
        <translation>%1 working days left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Còn %1 giờ làm việc</source>
        <translation>%1 working hours left</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đến hạn trả</source>
        <translation>Due for return</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (đang tạm dừng tính thời hạn)</source>
        <translation>%1 (time limit paused)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (tạm dừng)</source>
        <translation>%1 (paused)</translation>
    </message>
</context>
<context>
    <name>WorklistScreen</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/worklist_screen.py" line="+74"/>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ bổ sung, nộp phí</source>
        <translation>Awaiting supplement or fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có kết quả chờ trả</source>
        <translation>Result ready for return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không tiếp nhận</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã rút, dừng xử lý</source>
        <translation>Withdrawn, stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trực tuyến chờ tiếp nhận</source>
        <translation>Online, awaiting receipt</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Không có hồ sơ mã %1</source>
        <translation>No dossier with code %1</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>nhận từ %1 đến %2</source>
        <translation>received %1 to %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nhận từ %1</source>
        <translation>received from %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nhận đến %1</source>
        <translation>received up to %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Không đếm được hồ sơ</source>
        <translation>Dossier count unavailable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 hồ sơ</source>
        <translation>%1 dossiers</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>hơn %1</source>
        <translation>more than %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ít nhất %1</source>
        <translation>at least %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 hồ sơ</source>
        <translation>%1 / %2 dossiers</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chưa có hồ sơ — nhấn Ctrl+N để tiếp nhận</source>
        <translation>No dossiers yet — press Ctrl+N to receive one</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>«%1»</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có hồ sơ nào khớp</source>
        <translation>No matching dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cột mặc định</source>
        <translation>Default columns</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Kết quả tìm «%1» · Esc: xem tất cả hồ sơ</source>
        <translation>Results for «%1» · Esc: show all dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang lọc: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ mới nhận ở trên cùng · gõ để tìm, quét mã để chọn</source>
        <translation>Newest dossiers first · type to search, scan a code to select</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+12"/>
        <source>Không tìm thấy hồ sơ nào</source>
        <translation>No dossiers found</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Quá hạn %1 ngày</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tìm theo tên, số định danh, số điện thoại hoặc mã hồ sơ (Ctrl+F)</source>
        <translation>Search by name, ID number, phone number or dossier code (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gõ tên không dấu cũng được; quét mã vạch biên nhận để chọn hồ sơ</source>
        <translation>Names can be typed without diacritics; scan a receipt barcode to select its dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mọi xã/phường</source>
        <translation>All communes/wards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lọc theo xã/phường gửi hồ sơ lên huyện</source>
        <translation>Filter by the commune/ward that sent the dossiers to the district</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lọc theo nhóm trạng thái (Ctrl+Shift+F)</source>
        <translation>Filter by status group (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Của tôi</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ đang được chuyển cho tôi xử lý</source>
        <translation>Dossiers handed over to me for processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận từ</source>
        <translation>Received from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Màu dòng:</source>
        <translation>Row colours:</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/admin/users.py" line="-298"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
