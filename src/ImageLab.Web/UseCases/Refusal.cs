namespace ImageLab.Web.UseCases;

/// <summary>Why a use case refused to act; the REST API turns it into a status code, a page shows the sentence.</summary>
public enum Refusal
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>What the request names does not exist (404).</summary>
    NotFound,

    /// <summary>What the request names exists but is not ready, such as a layer analysis still running (409).</summary>
    Unavailable,

    /// <summary>The caller has too much under way already, such as iterations waiting in the queue (429).</summary>
    TooMany,

    /// <summary>A setting of the server is wrong (500); the sentence names the setting.</summary>
    Misconfigured,
}
