// The namespaces most test classes use (the test support, HTTP status codes, pages read as text, the database), named once here.
global using System.Net;
global using System.Text.RegularExpressions;
global using Microsoft.EntityFrameworkCore;
global using ProgramTracker.TestSupport;
