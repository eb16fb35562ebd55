<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
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
    <name>EditMenu</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/i18n.py" line="+214"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/mainwindow.py" line="+269"/>
        <source>Đang sao lưu, xin chờ…</source>
        <translation>A backup is running, please wait…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang sao lưu cơ sở dữ liệu…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location line="+18"/>
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
        <location line="+33"/>
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
        <location line="+8"/>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
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
        <location line="+7"/>
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
        <location filename="../../src/onestop_desktop/ui/signin.py" line="+161"/>
        <source>Chưa nhập tên đăng nhập</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa nhập mật khẩu</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <location line="+32"/>
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
    <name>WorklistModel</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/models/worklist.py" line="+62"/>
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
<context>
    <name>WorklistScreen</name>
    <message>
        <location filename="../../src/onestop_desktop/ui/worklist_screen.py" line="+131"/>
        <source>Không có hồ sơ mã %1</source>
        <translation>No dossier with code %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Kết quả tìm «%1» · Esc: xem tất cả hồ sơ</source>
        <translation>Results for «%1» · Esc: show all dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ mới nhận ở trên cùng · gõ để tìm, quét mã để chọn</source>
        <translation>Newest dossiers first · type to search, scan a code to select</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+11"/>
        <source>Không tìm thấy hồ sơ nào</source>
        <translation>No dossiers found</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Tìm theo tên, số định danh, số điện thoại hoặc mã hồ sơ (Ctrl+F)</source>
        <translation>Search by name, ID number, phone number or dossier code (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gõ tên không dấu cũng được; quét mã vạch biên nhận để chọn hồ sơ</source>
        <translation>Names can be typed without diacritics; scan a receipt barcode to select its dossier</translation>
    </message>
</context>
</TS>
