; Inno Setup 6 script: the Windows installer for LCD Reader (Start-menu and desktop shortcuts, uninstaller).
;
; Build on Windows, from the repository folder, after the PyInstaller bundle (see packaging/README.md):
;   .venv\Scripts\python -m PyInstaller build.spec --noconfirm
;   for /f %v in ('.venv\Scripts\python -c "import desktop; print(desktop.__version__)"') do set VER=%v
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=%VER% packaging\lcdreader.iss
; Output: dist\LCDReader-Setup-<version>.exe (add /DFlavour=-gpu for a GPU build's installer name).
;
; The installer copies dist\lcdreader\ (lcdreader.exe = the windowed GUI, lcdreader-cli.exe = the same
; program with a console, and _internal\). User data lives in %LOCALAPPDATA%\LCDReader and is kept on
; uninstall, so finetuned models and sessions survive an upgrade.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Flavour
  #define Flavour ""
#endif
#define AppName "LCD Reader"
#define AppExe "lcdreader.exe"
#define BundleDir "..\dist\lcdreader"

[Setup]
; Keep this AppId for every release: it is how upgrades and the uninstaller find the installed app.
AppId={{6F2C1B9E-4D7A-4C1E-9B3F-2A8D5E7C0F14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=LCD Reader
DefaultDirName={autopf}\LCD Reader
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no admin rights needed on lab PCs); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=LCDReader-Setup-{#AppVersion}{#Flavour}
SetupIconFile=lcdreader.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
LZMANumBlockThreads=2
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships Chinese only as an unofficial translation: put ChineseSimplified.isl in its
; Languages folder (https://jrsoftware.org/files/istrans/) and uncomment this line.
; Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade must not leave libraries of the previous version beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the app may create next to itself (Python caches); the user data folder is left alone.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
