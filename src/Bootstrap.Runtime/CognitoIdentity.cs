using System.Text;
using System.Text.Json;

namespace Bootstrap.Runtime;

/// <summary>The Amazon Cognito identity of the caller (Lambda-Runtime-Cognito-Identity).</summary>
public sealed class CognitoIdentity
{
    public string? IdentityId { get; init; }
    public string? IdentityPoolId { get; init; }

    /// <summary>Parses <c>{"cognitoIdentityId": .., "cognitoIdentityPoolId": ..}</c>.</summary>
    public static CognitoIdentity Parse(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
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
