package cn.dzn.platform.web;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * One page of a list: the items, and the cursor for the next page (null on the last one). The
 * sizes are what every page's document states: a page holds at most {@link PageRequest#MAX_LIMIT}.
 */
public record Page<T>(@Size(max = PageRequest.MAX_LIMIT) List<T> items, @Size(max = PageRequest.MAX_CURSOR) String next) {
}
