using Bootstrap.Fuzz;
using SharpFuzz;

// Run under afl-fuzz (see fuzz.sh): each input is read from stdin by SharpFuzz and handed to the target.
Fuzzer.OutOfProcess.Run(stream =>
{
    var input = new MemoryStream();
    stream.CopyTo(input);
    ResponseFuzzTarget.Run(input.ToArray());
});
