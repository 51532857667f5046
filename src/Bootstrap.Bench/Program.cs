using Bootstrap.Bench;
using Bootstrap.Bench.Soak;

return args.FirstOrDefault() == "soak"
    ? SoakProgram.Run(args[1..], Console.Out, Console.Error)
    : BenchProgram.Run(args, Console.Out, Console.Error);
