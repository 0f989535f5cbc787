namespace NewsApi.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The checkout the tests were built from: the first folder above the test binaries holding NewsApi.sln.</summary>
    public static string Path
    {
        get
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "NewsApi.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("NewsApi.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }
}
