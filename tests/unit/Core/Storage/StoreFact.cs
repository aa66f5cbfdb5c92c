// The contract suite marks its tests [StoreFact]. Here they are plain facts; the storage test project compiles the
// same suite with StoreFact bound to SkippableFact so that a store whose server is missing can skip with a reason.
global using StoreFactAttribute = Xunit.FactAttribute;
