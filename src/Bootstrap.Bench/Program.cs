using Bootstrap.Bench;

return BenchProgram.Run(args, Console.Out, Console.Error);
