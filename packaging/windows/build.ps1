# Build Rep Assistant for Windows: a folder app with "Rep Assistant.exe" (the window) and
# rep-assistant.exe (the command line), zipped as packaging\dist\rep-assistant-<version>-windows.zip.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11+ ("py" launcher). The build venv is separate from the project's .venv.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root
$Build = "packaging\build"
$Dist = "packaging\dist"
$Venv = "$Build\venv"
$Version = (py -3 -c "import sys; sys.path.insert(0, '.'); from rep_assistant import __version__; print(__version__)").Trim()

if (-not (Test-Path "$Venv\Scripts\python.exe")) { py -3 -m venv $Venv }
& "$Venv\Scripts\python.exe" -m pip install -q --upgrade pip
& "$Venv\Scripts\python.exe" -m pip install -q ".[packaging]"
& "$Venv\Scripts\python.exe" packaging\make_icons.py "$Build\icons"
if ($LASTEXITCODE -ne 0) { throw "make_icons failed" }
& "$Venv\Scripts\pyinstaller.exe" --noconfirm --clean --log-level WARN `
  --distpath $Dist --workpath "$Build\pyinstaller" packaging\pyinstaller\rep-assistant.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$Zip = "$Dist\rep-assistant-$Version-windows.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path "$Dist\rep-assistant" -DestinationPath $Zip
Write-Host "built $Zip; try: $Dist\rep-assistant\rep-assistant.exe scan --demo"
