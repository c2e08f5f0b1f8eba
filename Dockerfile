# Build and run the portal. docker-compose.yml configures it for PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ProgramTracker.Core/ProgramTracker.Core.csproj src/ProgramTracker.Core/
COPY src/ProgramTracker.Web/ProgramTracker.Web.csproj src/ProgramTracker.Web/
RUN dotnet restore src/ProgramTracker.Web/ProgramTracker.Web.csproj
COPY src/ src/
COPY seeds/ seeds/
RUN dotnet publish src/ProgramTracker.Web/ProgramTracker.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "ProgramTracker.Web.dll"]
