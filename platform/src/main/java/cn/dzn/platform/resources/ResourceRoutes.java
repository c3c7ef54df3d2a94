package cn.dzn.platform.resources;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.dzn.platform.identity.Caller;

/**
 * Maps every {@link RecordStore} bean's {@link ResourceEndpoints} at its declared path once the
 * context is up, so a declaration needs no controller. Literal paths ({@code /sync},
 * {@code /changes}, a service's own {@code /items}) win over {@code /{id}}, so ids that would
 * shadow them are refused ({@link SyncBatches#validId}).
 */
class ResourceRoutes implements SmartInitializingSingleton {

    private final ObjectProvider<RecordStore<?, ?>> stores;
    private final RequestMappingHandlerMapping mapping;
    private final RecordBinder binder;
    private List<ResourceEndpoints<?, ?>> endpoints = List.of();

    ResourceRoutes(ObjectProvider<RecordStore<?, ?>> stores, RequestMappingHandlerMapping mapping, RecordBinder binder) {
        this.stores = stores;
        this.mapping = mapping;
        this.binder = binder;
    }

    List<ResourceEndpoints<?, ?>> endpoints() {
        return endpoints;
    }

    @Override
    public void afterSingletonsInstantiated() {
        endpoints = stores.orderedStream().map(store -> new ResourceEndpoints<>(store, binder))
                .collect(Collectors.toUnmodifiableList());
        endpoints.forEach(this::register);
    }

    private void register(ResourceEndpoints<?, ?> resource) {
        ResourceDeclaration<?, ?> declaration = resource.store().declaration();
        String path = declaration.path();
        map(resource, RequestMethod.GET, path, "list", Caller.class, Map.class);
        map(resource, RequestMethod.POST, path, "create", Caller.class, byte[].class);
        String one = path + "/{id}";
        map(resource, RequestMethod.GET, one, "get", Caller.class, String.class);
        map(resource, RequestMethod.PUT, one, "put", Caller.class, String.class, String.class, byte[].class);
        map(resource, RequestMethod.DELETE, one, "delete", Caller.class, String.class, String.class);
        if (!declaration.transitions().isEmpty()) {
            String names = declaration.transitions().stream().map(ResourceDeclaration.Transition::name)
                    .collect(Collectors.joining("|"));
            map(resource, RequestMethod.POST, one + "/{transition:" + names + "}", "transition", Caller.class,
                    String.class, String.class, String.class, byte[].class);
        }
        map(resource, RequestMethod.POST, path + "/sync", "sync", Caller.class, String.class, byte[].class);
        map(resource, RequestMethod.GET, path + "/changes", "changes", Caller.class, String.class, String.class);
        map(resource, RequestMethod.GET, path + "/audit", "audit", Caller.class, String.class, String.class);
    }

    private void map(ResourceEndpoints<?, ?> resource, RequestMethod verb, String path, String name,
            Class<?>... parameters) {
        Method method;
        try {
            method = ResourceEndpoints.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ResourceEndpoints." + name + " is gone", e);
        }
        RequestMappingInfo.Builder info = RequestMappingInfo.paths(path).methods(verb)
                .produces(MediaType.APPLICATION_JSON_VALUE).options(mapping.getBuilderConfiguration());
        if (verb == RequestMethod.POST && !name.equals("transition") || verb == RequestMethod.PUT) {
            info.consumes(MediaType.APPLICATION_JSON_VALUE);
        }
        mapping.registerMapping(info.build(), resource, method);
    }
}
