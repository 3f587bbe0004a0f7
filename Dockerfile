# The portal as a container image. Two stages: the SDK builds and publishes, and the image that
# runs holds only the ASP.NET Core runtime and the published app, running as a non-root user.
# docker-compose.yml builds it; see docs/operations.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Medarbejdergrundlag.Content/Medarbejdergrundlag.Content.csproj src/Medarbejdergrundlag.Content/
COPY src/Medarbejdergrundlag.Web/Medarbejdergrundlag.Web.csproj src/Medarbejdergrundlag.Web/
RUN dotnet restore src/Medarbejdergrundlag.Web/Medarbejdergrundlag.Web.csproj --use-current-runtime
COPY src/ src/
# ReadyToRun for the build machine's runtime: code compiled ahead, so the portal starts jitting far
# less (about a third faster to its first answer, tests/load/start-time.sh). Framework-dependent.
RUN dotnet publish src/Medarbejdergrundlag.Web/Medarbejdergrundlag.Web.csproj -c Release --no-restore \
    --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# MALLOC_ARENA_MAX=2: glibc gives each busy thread a malloc arena of its own and keeps what they
# free; at 256 connections that native memory pushed the portal past a 256 MiB limit (OOM-killed
# in 4 of 4 loaded runs, held with 15 MiB to spare with it; tests/load/README.md).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres \
    MALLOC_ARENA_MAX=2
EXPOSE 8080
# The .NET images ship a non-root user, "app", whose id is in APP_UID.
USER $APP_UID
# The runtime image has no curl; bash's /dev/tcp asks the readiness endpoint instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Medarbejdergrundlag.Web.dll"]
