namespace Medarbejdergrundlag.Content.Model;

/// <summary>What a content item is. Stored as text so the database stays readable.</summary>
public enum ContentKind
{
    /// <summary>A section of the charter text (introduction, the chapters before the bearings).</summary>
    CharterSection,

    /// <summary>One of the four pejlemærker.</summary>
    Bearing,

    /// <summary>One of the two legs: Social kapital and Samskabelse.</summary>
    Leg,

    /// <summary>The Phønix page.</summary>
    PhoenixPage,

    /// <summary>A Phønix course (forløb), with its own address /phoenix/forloeb/{slug} and its dates in <see cref="CourseDate"/>.</summary>
    Course,

    /// <summary>The accessibility statement (/tilgaengelighed): one item, edited and reviewed like the rest.</summary>
    AccessibilityStatement,
}
