package cn.dzn.syncclient;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs of one command; an unknown or repeated flag is refused, never ignored. */
final class Options {

    /** The command line is wrong; the message says how. */
    static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from, Set<String> known) throws Usage {
        for (int i = from; i < args.length; i += 2) {
            String flag = args[i];
            if (!flag.startsWith("--") || !known.contains(flag.substring(2))) {
                throw new Usage("unknown option " + flag);
            }
            if (i + 1 >= args.length) {
                throw new Usage(flag + " needs a value");
            }
            if (values.put(flag.substring(2), args[i + 1]) != null) {
                throw new Usage(flag + " is given twice");
            }
        }
    }

    String required(String name) throws Usage {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new Usage("--" + name + " is required");
        }
        return value;
    }

    String optional(String name) {
        return values.get(name);
    }

    int integer(String name, int fallback, int min, int max) throws Usage {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new Usage("--" + name + " must be a whole number from " + min + " to " + max + ", not " + value);
    }
}
