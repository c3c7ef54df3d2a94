package cn.dzn.gateway;

/** The embedded default: each gateway replica counts in its own memory (Bucket4j). */
class InMemoryRateLimitTest extends RateLimitBehaviour {
}
