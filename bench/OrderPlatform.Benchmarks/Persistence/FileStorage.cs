namespace OrderPlatform.Benchmarks.Persistence;

/// <summary>Where the benchmarks' SQLite file lives.</summary>
public enum FileStorage
{
    /// <summary>The temporary folder on disk, as the service's file: every commit waits for the disk to sync (synchronous=FULL).</summary>
    Disk,

    /// <summary>
    /// /dev/shm, a Linux tmpfs: the same statements and the same sync calls, but a sync of RAM returns
    /// at once, so what is left of each figure is the CPU's work.
    /// </summary>
    Tmpfs,
}
