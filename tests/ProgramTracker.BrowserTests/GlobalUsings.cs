// The namespaces every browser test class uses, named once here.
global using Microsoft.Playwright;
global using ProgramTracker.TestSupport;
