; Inno Setup 6 script: the Windows setup for 预算绩效目标审核工作台 (jixiao-workbench).
;
; Build on Windows with installer\build_windows.bat, which first builds the PyInstaller
; bundle (installer\workbench.spec, the same spec as the Linux package) into
; build\dist\jixiao-workbench and then runs:
;   ISCC.exe /DAppVersion=<version from pyproject.toml> installer\windows\workbench.iss
; Output: dist\jixiao-workbench-<version>-setup.exe
;
; What it installs is the whole bundle, as the Debian package does under /opt (checked by
; tests/installer/test_windows_setup.py against installer/manifest.txt and the spec). The
; reviewer's workspace lives in %LOCALAPPDATA% (platformdirs' user data folder): this
; script never writes nor deletes there, so updates and removal keep it.

#define AppName "预算绩效目标审核工作台"
#define AppExe "jixiao-workbench"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\build\dist\jixiao-workbench"

[Setup]
; The AppId ties updates and the uninstaller together: never change it.
AppId={{6F3B2C1E-8D4A-4E7B-9C21-5A0F3E7D9B42}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=预算绩效目标审核工作台
DefaultDirName={autopf}\{#AppExe}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; A workstation administrator installs for every user; "install for me only" is offered too.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppExe}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\{#AppExe}.ico
UninstallDisplayIcon={app}\{#AppExe}.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Windows 10 or later (Qt 6 needs it).
MinVersion=10.0

[Languages]
; ChineseSimplified.isl is a translation Inno Setup does not ship: build_windows.bat says
; where to get it. Without it the setup speaks English.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the bundle wholesale: files a previous version had and this one has
; not must not linger next to the new libraries.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#AppExe}-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}.exe"; Parameters: "gui"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}.exe"; Parameters: "gui"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Proves the installed copy works before the reviewer relies on it (no network needed).
Filename: "{app}\{#AppExe}-cli.exe"; Parameters: "--self-test"; Description: "运行自检 (self-test)"; Flags: postinstall skipifsilent unchecked runhidden waituntilterminated
Filename: "{app}\{#AppExe}.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: postinstall nowait skipifsilent

[UninstallDelete]
; Only what the program itself may leave in its install folder (Python's byte-code caches
; of the Alembic migrations). The workspace in %LOCALAPPDATA% is deliberately not listed.
Type: filesandordirs; Name: "{app}\_internal\core\store\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\core\store\migrations\versions\__pycache__"
