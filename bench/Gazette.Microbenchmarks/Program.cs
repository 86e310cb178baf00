using BenchmarkDotNet.Running;

// Microbenchmarks of the build's hot paths, run by hand (never in CI or the tests: the machines
// are shared and noisy). Each reports time and allocation per operation:
//   dotnet run -c Release --project bench/Gazette.Microbenchmarks -- --filter '*'
//   dotnet run -c Release --project bench/Gazette.Microbenchmarks -- --filter '*Markdown*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
