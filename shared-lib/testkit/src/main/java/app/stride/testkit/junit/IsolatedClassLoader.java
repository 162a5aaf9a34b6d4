package app.stride.testkit.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A class loader over the test's own class path that loads every class again, child first, except
 * the packages it shares with its parent (the JDK's, and the ones a host such as the Functions
 * Framework passes objects of across the boundary). What a deployable keeps in static state (a
 * started application context per JVM) is then fresh, as in a function instance of its own: a test
 * can start one function of a deployable with fewer variables than its siblings got in the same
 * JVM.
 *
 * <p>The class path is {@code java.class.path}, with the {@code Class-Path} of a manifest-only jar
 * (Surefire's and Failsafe's booter) followed.
 */
public final class IsolatedClassLoader extends URLClassLoader {
  private final List<String> shared;

  /**
   * @param parent where the shared packages come from
   * @param sharedPrefixes class name prefixes loaded by {@code parent} (e.g. {@code
   *     com.google.cloud.functions.}); the JDK's are always shared
   */
  public IsolatedClassLoader(ClassLoader parent, List<String> sharedPrefixes) {
    super(classPath(), parent);
    this.shared = new ArrayList<>(List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
    this.shared.addAll(sharedPrefixes);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      if (shared.stream().anyMatch(name::startsWith)) {
        return super.loadClass(name, resolve);
      }
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        try {
          loaded = findClass(name);
        } catch (ClassNotFoundException notHere) {
          return super.loadClass(name, resolve);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : super.getResource(name);
  }

  private static URL[] classPath() {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      File file = new File(entry);
      urls.add(url(file));
      urls.addAll(manifestClassPath(file));
    }
    return urls.toArray(URL[]::new);
  }

  private static List<URL> manifestClassPath(File file) {
    if (!file.isFile() || !file.getName().endsWith(".jar")) {
      return List.of();
    }
    try (JarFile jar = new JarFile(file)) {
      Manifest manifest = jar.getManifest();
      String classPath =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null) {
        return List.of();
      }
      List<URL> urls = new ArrayList<>();
      for (String item : classPath.trim().split("\\s+")) {
        urls.add(new URL(file.toURI().toURL(), item));
      }
      return urls;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the manifest of " + file, e);
    }
  }

  private static URL url(File file) {
    try {
      return file.toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(file.toString(), e);
    }
  }
}
