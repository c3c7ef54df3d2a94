package cn.dzn.platform.errors;

import tools.jackson.core.JacksonException;

/** Where in a JSON body Jackson failed, as a field path such as {@code memberCities[2]} or {@code data.name}. */
public final class JsonPath {

    private JsonPath() {
    }

    /** The path of the failure, or an empty string when it lies at the top of the document. */
    public static String of(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : failure.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
