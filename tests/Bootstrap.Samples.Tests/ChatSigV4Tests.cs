using System.Net.Http.Headers;
using Chat;

namespace Bootstrap.Samples.Tests;

/// <summary>
/// The chat sample's SigV4 signer against AWS's own documented examples: the IAM <c>ListUsers</c> request of the
/// General Reference's signing walkthrough, and a request of AWS's Signature Version 4 test suite whose query
/// parameters arrive out of order.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ChatSigV4Tests
{
    private static readonly SigV4.Credentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset At = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void The_documented_IAM_ListUsers_request_gets_the_documented_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");

        SigV4.Sign(request, [], Example, "us-east-1", "iam", At);

        Assert.Equal("20150830T123600Z", Header(request, "x-amz-date"));
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            Header(request, "Authorization"));
    }

    [Fact]
    public void Query_parameters_are_signed_in_sorted_order()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?Param2=value2&Param1=value1");

        SigV4.Sign(request, [], Example, "us-east-1", "service", At);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            Header(request, "Authorization"));
    }

    [Fact]
    public void A_session_token_is_sent_and_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://abc.execute-api.us-east-1.amazonaws.com/prod/@connections/Zx%3D");

        SigV4.Sign(request, "hi"u8.ToArray(), Example with { SessionToken = "token" }, "us-east-1", "execute-api", At);

        Assert.Equal("token", Header(request, "x-amz-security-token"));
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token, ", Header(request, "Authorization"), StringComparison.Ordinal);
    }

    private static string Header(HttpRequestMessage request, string name) => Assert.Single(request.Headers.GetValues(name));
}
