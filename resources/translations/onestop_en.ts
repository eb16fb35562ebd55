<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/onestop_desktop/app.py" line="+115"/>
        <source>Không mở được OneStop Desktop</source>
        <translation>OneStop Desktop cannot start</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chi tiết kỹ thuật: %1</source>
        <translation>Technical details: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location line="+36"/>
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
        <location line="+18"/>
        <source>Đã sao chép</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/i18n.py" line="+288"/>
        <source>&amp;Hoàn tác</source>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/mainwindow.py" line="+196"/>
        <source>Không có hồ sơ mã %1</source>
        <translation>No dossier with code %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+11"/>
        <source>Không tìm thấy hồ sơ nào</source>
        <translation>No dossiers found</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kết quả tìm «%1» · Esc: xem tất cả hồ sơ</source>
        <translation>Results for «%1» · Esc: show all dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ mới nhận ở trên cùng · gõ để tìm, quét mã để chọn</source>
        <translation>Newest dossiers first · type to search, scan a code to select</translation>
    </message>
    <message>
        <location line="+56"/>
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
        <location line="+5"/>
        <source>OneStop Desktop — %1</source>
        <translation>OneStop Desktop — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tìm theo tên, số định danh, số điện thoại hoặc mã hồ sơ (Ctrl+F)</source>
        <translation>Search by name, ID number, phone number or dossier code (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gõ tên không dấu cũng được; quét mã vạch biên nhận để chọn hồ sơ</source>
        <translation>Names can be typed without diacritics; scan a receipt barcode to select its dossier</translation>
    </message>
</context>
<context>
    <name>OneStopError</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/i18n.py" line="-115"/>
        <source>Sai tên đăng nhập hoặc mật khẩu</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sai tên đăng nhập hoặc mật khẩu (còn %1 lần thử trước khi khóa)</source>
        <translation>Wrong user name or password (%1 tries left before the account is locked)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sai mật khẩu %1 lần: tài khoản bị khóa %2 phút</source>
        <translation>Wrong password %1 times: the account is locked for %2 minutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tài khoản bị khóa do nhập sai mật khẩu %1 lần; thử lại sau %2</source>
        <translation>The account is locked after %1 wrong passwords; try again after %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tài khoản «%1» đã bị vô hiệu hóa</source>
        <translation>The account «%1» has been deactivated</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cơ sở dữ liệu chưa được khởi tạo; hãy chạy «onestop init»</source>
        <translation>The database has not been initialised; run «onestop init»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa có cơ sở dữ liệu tại %1; hãy chạy «onestop init» trước</source>
        <translation>There is no database at %1; run «onestop init» first</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tệp %1 không phải cơ sở dữ liệu SQLite của OneStop</source>
        <translation>The file %1 is not a OneStop SQLite database</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thư mục dữ liệu chỉ cho phép đọc, không ghi được%1</source>
        <translation>The data folder is read-only and cannot be written%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ổ đĩa đã đầy, không ghi được dữ liệu%1</source>
        <translation>The disk is full; data cannot be written%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu SQLite%1</source>
        <translation>The database file is damaged or is not an SQLite database%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau%1</source>
        <translation>The database is locked by another program; try again later%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không mở được cơ sở dữ liệu%1</source>
        <translation>The database could not be opened%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lỗi cơ sở dữ liệu%1</source>
        <translation>Database error%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu gần nhất (onestop restore)</source>
        <translation>The database is damaged; restore it from the latest backup (onestop restore)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cơ sở dữ liệu thuộc phiên bản phần mềm mới hơn; hãy cập nhật OneStop Desktop trước khi mở</source>
        <translation>The database belongs to a newer version of the software; update OneStop Desktop before opening it</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/mainwindow.py" line="-282"/>
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
    <name>SignInDialog</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/signin.py" line="+141"/>
        <source>Chưa nhập tên đăng nhập</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa nhập mật khẩu</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <location line="+28"/>
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
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/models/worklist.py" line="+43"/>
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
    <name>WorklistModel</name>
    <message>
        <location line="+32"/>
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
</context>
</TS>
