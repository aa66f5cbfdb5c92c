// The contract suite's [StoreFact] is a SkippableFact here: a PostgreSQL store skips (with the reason) when no
// server is available on a developer machine. Under CI=true a missing server fails instead.
global using StoreFactAttribute = Xunit.SkippableFactAttribute;
