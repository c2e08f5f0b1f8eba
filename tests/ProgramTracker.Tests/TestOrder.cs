// The order tests run in: xunit's own, or shuffled when PROGRAMTRACKER_TEST_ORDER is set (tests/Shared/RandomOrder.cs).
[assembly: TestCaseOrderer("ProgramTracker.TestSupport.RandomOrder", "ProgramTracker.Tests")]
[assembly: TestCollectionOrderer("ProgramTracker.TestSupport.RandomOrder", "ProgramTracker.Tests")]
