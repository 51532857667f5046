namespace System.Runtime.CompilerServices;

// Lets records compile for netstandard2.0, which lacks the type.
internal static class IsExternalInit;
