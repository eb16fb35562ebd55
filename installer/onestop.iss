; OneStop Desktop: the Windows installer (Inno Setup 6).
;
;   python installer\make_version_iss.py          (writes installer\version.iss)
;   pyinstaller --noconfirm --clean build.spec    (writes dist\onestop-desktop\)
;   iscc installer\onestop.iss                    (writes dist\installer\OneStopDesktop-VERSION-setup.exe)
;
; .github/workflows/windows.yml runs exactly these steps on a Windows runner. This script
; cannot be compiled on the Linux machine the project is developed on; what can be checked
; there is checked by tests/unit/test_windows_safety.py.
;
; Data: the app keeps its data in the user's profile, %LOCALAPPDATA%\OneStop\OneStopDesktop
; (platformdirs.user_data_dir("OneStopDesktop", "OneStop"), see src/onestop_desktop/paths.py),
; or where ONESTOP_DATA_DIR / --data-dir says. The installer never writes there, and
; uninstalling keeps it unless the person ticks "also delete the data" when asked.

#include "version.iss"

[Setup]
; Fixed for ever: Windows recognises upgrades and the uninstaller by this id.
AppId={{5E0C8F7A-3B1D-4C62-9A4E-2D7F61B0C9A3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
VersionInfoVersion={#AppNumericVersion}
AppPublisher=OneStop
DefaultDirName={autopf}\OneStop Desktop
DefaultGroupName=OneStop Desktop
DisableProgramGroupPage=yes
; Per-machine: installed once under Program Files for every clerk of the PC.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=OneStopDesktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\onestop.ico
UninstallDisplayIcon={app}\{#AppExeName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Inno Setup ships no Vietnamese wizard texts (Vietnamese.isl is an unofficial translation):
; the wizard is in English, the app and the uninstall question below in Vietnamese. The file
; is UTF-8 with a byte-order mark, which is how Inno Setup 6 knows to read it as UTF-8.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller folder (build.spec, one folder).
Source: "..\dist\{#DistName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder of the user who uninstalls (the default one; a folder chosen with
// ONESTOP_DATA_DIR is never touched). Kept unless the person says yes, and never in silent mode.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\OneStop\OneStopDesktop');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox('Xoá cả dữ liệu của Bộ phận Một cửa (cơ sở dữ liệu, bản quét, bản sao lưu) trong ' +
                DataDir + '?' + #13#10 + 'Chọn «Không» để giữ lại (khuyên dùng).',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
