using LambdaBootstrap.Runtime;
using Hello;

// Lambda's Handler setting (_HANDLER) picks one of the function's handlers; its factory runs once, at init.
return LambdaRuntime.Run(Function.Handlers);
