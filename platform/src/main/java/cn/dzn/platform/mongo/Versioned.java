package cn.dzn.platform.mongo;

/** A stored record with an id and an optimistic-concurrency version (1 on insert). */
public interface Versioned<T> {

    String id();

    long version();

    T withVersion(long version);
}
