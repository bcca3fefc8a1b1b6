; Inno Setup script: IRO Desktop for one Windows user, no administrator rights needed.
; UNVERIFIED: Inno Setup and Windows are not available where this was written; it is built
; by .github/workflows/windows-build.yml. Keep it in step with packaging/pyinstaller/
; iro-desktop.spec (the folder it packs) and packaging/linux/ (the build that is tested).
;
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\iro-desktop packaging\windows\iro-desktop.iss
;
; It installs into %LOCALAPPDATA%\Programs\IRO Desktop, adds a Start-menu entry, and its
; uninstaller removes only the program: the caseload, its backups and the logs live in
; %LOCALAPPDATA%\IRO Desktop (platformdirs' user data folder) and are left in place.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\iro-desktop"
#endif

[Setup]
AppId={{5E0B7C53-6F0D-4B57-9E0A-2C1B7B1E4D21}
AppName=IRO Desktop
AppVersion={#AppVersion}
AppVerName=IRO Desktop {#AppVersion}
AppPublisher=IRO Desktop
VersionInfoVersion={#AppVersion}
VersionInfoProductName=IRO Desktop
VersionInfoDescription=IRO Desktop installer
; Per user, never elevated: a council laptop without admin rights can install it.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\IRO Desktop
DefaultGroupName=IRO Desktop
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\IRO Desktop.exe
UninstallDisplayName=IRO Desktop
SetupIconFile=..\..\resources\icons\iro-desktop.ico
OutputDir=..\..\dist
OutputBaseFilename=IRO-Desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
; English only: Inno Setup ships no Welsh messages file.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: IRO Desktop.exe (the window), iro-desktop.exe (the command
; for IT and scripts) and _internal\ (Python, Qt, the forms and the letter templates).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\IRO Desktop"; Filename: "{app}\IRO Desktop.exe"; WorkingDir: "{app}"; Comment: "Your caseload of children's reviews"
Name: "{userdesktop}\IRO Desktop"; Filename: "{app}\IRO Desktop.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\IRO Desktop.exe"; Description: "{cm:LaunchProgram,IRO Desktop}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself left in its own folder (Python's caches). The caseload and
; backups are elsewhere (%LOCALAPPDATA%\IRO Desktop) and are never listed here.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
