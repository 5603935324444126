# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
RUN New-Item -ItemType Directory -Path C:\tools ; `
    Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile C:\tools\tool.zip ; `
    Expand-Archive C:\tools\tool.zip -DestinationPath C:\tools ; `
    Remove-Item C:\tools\tool.zip
COPY bin\Release\ C:\app\
ENV APP_HOME=C:\app `
    LOG_DIR=C:\logs
CMD ["C:\\app\\service.exe"]
