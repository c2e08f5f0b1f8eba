// The namespaces most of the portal's files use (controllers, queries, infrastructure), named once here.
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.EntityFrameworkCore;
global using ProgramTracker.Core.Accounts;
global using ProgramTracker.Core.Data;
global using ProgramTracker.Core.Domain;
global using ProgramTracker.Core.Localization;
global using ProgramTracker.Web.Infrastructure;
global using ProgramTracker.Web.Infrastructure.Security;
