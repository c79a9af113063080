@echo off
rem Build the Windows setup of the workbench, jixiao-workbench (run on a Windows 10/11 x64 machine).
rem
rem Needs, once:
rem   1. Python 3.11 x64 (python.org installer, "Add python.exe to PATH").
rem   2. Inno Setup 6 (https://jrsoftware.org/isinfo.php), ISCC.exe on PATH or at its default place.
rem   3. For a Chinese setup wizard: ChineseSimplified.isl from https://jrsoftware.org/files/istrans/
rem      copied into Inno Setup's Languages folder (without it the wizard is English).
rem
rem Then, from the repository root:
rem   installer\build_windows.bat
rem Result: dist\jixiao-workbench-<version>-setup.exe, which installs the same bundle
rem (installer\workbench.spec, installer\manifest.txt) as the Debian package. Test it with
rem   "%ProgramFiles%\jixiao-workbench\jixiao-workbench-cli.exe" --self-test
rem on a machine without network access.
setlocal
cd /d "%~dp0\.."

if not exist .venv\Scripts\python.exe (
  python -m venv .venv || goto :fail
)
.venv\Scripts\python.exe -m pip install -q -r requirements.lock || goto :fail

for /f "delims=" %%v in ('.venv\Scripts\python.exe -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"') do set VERSION=%%v

.venv\Scripts\python.exe installer\build_fonts.py || goto :fail
.venv\Scripts\python.exe -m PyInstaller --noconfirm --clean --distpath build\dist --workpath build\pyinstaller installer\workbench.spec || goto :fail

rem The bundle must work before it is packaged.
set QT_QPA_PLATFORM=offscreen
build\dist\jixiao-workbench\jixiao-workbench-cli.exe --self-test || goto :fail
set QT_QPA_PLATFORM=

set ISCC=ISCC.exe
where ISCC.exe >nul 2>nul || set ISCC="%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
%ISCC% /DAppVersion=%VERSION% installer\windows\workbench.iss || goto :fail
echo Built dist\jixiao-workbench-%VERSION%-setup.exe
exit /b 0

:fail
echo Build failed. 1>&2
exit /b 1
