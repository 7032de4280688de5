package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API lock: what users may touch is the four public packages (the client's own types, the generated models,
 * params and services), and nothing of them leads into {@code internal}. The hand-written types of the main package
 * are listed: adding or removing one is a decision, made here.
 */
class ApiSurfaceTest {

    private static final String ROOT = "org.pingppopenapi.client";
    private static final Set<String> PUBLIC_PACKAGES = Set.of(ROOT, ROOT + ".model", ROOT + ".param", ROOT + ".service");
    private static final String INTERNAL = ROOT + ".internal";

    private static final Set<String> MAIN_PACKAGE = Set.of("ApiConnectionException", "ApiException", "AuthScheme",
            "AuthenticationException", "ChannelException", "Credential", "ErrorResponse", "EventObject", "Expandable",
            "Expandable.Serializer", "Expandable.Deserializer", "InvalidRequestException", "Page", "PagedIterable",
            "PingppAsyncServices", "PingppClient", "PingppClient.Builder", "PingppException", "PingppJson",
            "PingppServices", "PreflightMode", "Provenance", "RateLimitException", "RequestOptions",
            "RequestOptions.Builder", "SignatureVerificationException", "Webhooks");

    @Test
    void everyClassIsInAPublicPackageOrInternal() throws Exception {
        assertThat(classes()).allSatisfy(type -> assertThat(PUBLIC_PACKAGES.contains(type.getPackageName())
                || type.getPackageName().startsWith(INTERNAL)).as(type.getName()).isTrue());
    }

    @Test
    void theMainPackageHoldsExactlyTheListedTypes() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (Class<?> type : classes()) {
            if (type.getPackageName().equals(ROOT) && isExposed(type)) {
                exposed.add(type.getName().substring(ROOT.length() + 1).replace('$', '.'));
            }
        }
        assertThat(exposed).containsExactlyInAnyOrderElementsOf(MAIN_PACKAGE);
    }

    @Test
    void noPublicSignatureLeadsIntoTheInternals() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : classes()) {
            if (!PUBLIC_PACKAGES.contains(type.getPackageName()) || !isExposed(type)) {
                continue;
            }
            check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
            for (Type implemented : type.getGenericInterfaces()) {
                check(type.getName() + " implements", implemented, leaks);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (exposed(method.getModifiers()) && !method.isSynthetic()) {
                    check(method.toString(), method.getGenericReturnType(), leaks);
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(method.toString(), parameter, leaks);
                    }
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (exposed(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    for (Type parameter : constructor.getGenericParameterTypes()) {
                        check(constructor.toString(), parameter, leaks);
                    }
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (exposed(field.getModifiers()) && !field.isSynthetic()) {
                    check(field.toString(), field.getGenericType(), leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theSurfaceCheckHasTeeth() {
        List<String> leaks = new ArrayList<>();
        check("example", org.pingppopenapi.client.internal.Query.class, leaks);
        check("example", Page.class, leaks);
        assertThat(leaks).hasSize(1);
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type instanceof Class<?> raw) {
            Class<?> element = raw;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith(INTERNAL + ".") || element.getName().startsWith(ROOT + ".build.")) {
                leaks.add(where + " exposes " + element.getName());
            }
        } else if (type instanceof ParameterizedType parameterized) {
            check(where, parameterized.getRawType(), leaks);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(where, argument, leaks);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(where, bound, leaks);
            }
            for (Type bound : wildcard.getLowerBounds()) {
                check(where, bound, leaks);
            }
        } else if (type instanceof GenericArrayType array) {
            check(where, array.getGenericComponentType(), leaks);
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                if (!(bound instanceof TypeVariable<?>)) {
                    check(where, bound, leaks);
                }
            }
        }
    }

    /** Whether code outside the package can see the type: public (or protected), in public types only. */
    private static boolean isExposed(Class<?> type) {
        if (!exposed(type.getModifiers()) || type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            if (!Modifier.isPublic(outer.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Every class of the client's jar (its compiled classes), loaded without initialising. */
    private static List<Class<?>> classes() throws Exception {
        Path root = Path.of(PingppClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                classes.add(Class.forName(name, false, ApiSurfaceTest.class.getClassLoader()));
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot list the client's classes under " + root, e);
        }
        assertThat(classes).hasSizeGreaterThan(50);
        return classes;
    }
}
