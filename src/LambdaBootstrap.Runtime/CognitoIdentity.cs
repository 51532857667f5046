using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// The Amazon Cognito identity of the caller, on <see cref="ILambdaContext.Identity"/>: present when an app invoked the
/// function with credentials from a Cognito identity pool (Lambda's <c>Lambda-Runtime-Cognito-Identity</c> header).
/// </summary>
public sealed class CognitoIdentity
{
    /// <summary>The caller's Cognito identity id; <see langword="null"/> when not sent.</summary>
    public string? IdentityId { get; init; }

    /// <summary>The id of the identity pool that issued the caller's credentials; <see langword="null"/> when not sent.</summary>
    public string? IdentityPoolId { get; init; }

    /// <summary>Parses <c>{"cognitoIdentityId": .., "cognitoIdentityPoolId": ..}</c>.</summary>
    internal static CognitoIdentity Parse(string json)
    {
        var reader = new LambdaJsonReader(Encoding.UTF8.GetBytes(json));
        string? id = null, pool = null;
        JsonObjects.StartObject(ref reader);
        while (JsonObjects.NextProperty(ref reader, out string name))
        {
            string? value = JsonObjects.ReadScalar(ref reader);
            switch (name)
            {
                case "cognitoIdentityId": id = value; break;
                case "cognitoIdentityPoolId": pool = value; break;
            }
        }
        return new CognitoIdentity { IdentityId = id, IdentityPoolId = pool };
    }
}
