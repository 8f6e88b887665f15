package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.Utf8;
import org.hiptrack.internal.hip_catalog;
import org.hiptrack.internal.hip_exercise;
import org.junit.jupiter.api.Test;

/** Properties of the binding as a whole: no finalizers, the generated layer's safety net. */
class BindingTest {
    @Test
    void noClassHasAFinalizer() throws Exception {
        File jar = new File(Catalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int classes = 0;
        try (JarFile jf = new JarFile(jar)) {
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements();) {
                String name = en.nextElement().getName();
                if (!name.endsWith(".class")) continue;
                Class<?> cls = Class.forName(name.replace('/', '.').replace(".class", ""), false,
                        getClass().getClassLoader());
                for (Method m : cls.getDeclaredMethods())
                    assertTrue(!m.getName().equals("finalize") || m.getParameterCount() != 0,
                            cls.getName() + " declares finalize()");
                classes++;
            }
        }
        assertTrue(classes > 30, "classes scanned: " + classes);
    }

    @Test
    void closedGeneratedProxyThrowsInsteadOfCrashing() {
        hip_catalog c = new hip_catalog(null);
        assertTrue(c.count() > 0);
        c.close();
        c.close();
        assertHip(Status.STATE, c::count);
        hip_exercise e = new hip_exercise();
        e.close();
        assertHip(Status.STATE, e::getId);
        assertHip(Status.STATE, () -> e.setId("x"));
    }

    @Test
    void textTooLongForAFieldIsRefusedNotCut() {
        try (hip_exercise e = new hip_exercise()) {
            String id47 = new String(new char[47]).replace('\0', 'a');
            e.setId(id47);
            assertEquals(id47, e.getId());
            HipException x = assertHip(Status.RANGE, () -> e.setId(id47 + "a"));
            assertTrue(x.getMessage().contains("47"), x.getMessage());
            assertEquals(id47, e.getId(), "unchanged");
            e.setName("\u00e9\ud83e\uddb5");
            assertEquals("\u00e9\ud83e\uddb5", e.getName());
        }
    }

    @Test
    void utf8Helper() {
        assertNull(Utf8.encode(null));
        assertNull(Utf8.decode(null));
        assertEquals(3, Utf8.encode("\u00e9").length);
        assertHip(Status.INVALID, () -> Utf8.encode("a\0b"));
        assertTrue(HiptrackNative.hip_status_str(-2).contains("memory"));
    }
}
