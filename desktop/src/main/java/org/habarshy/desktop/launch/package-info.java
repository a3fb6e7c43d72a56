/**
 * Start-up of the desktop app: {@link org.habarshy.desktop.launch.SharedArchiveLauncher} runs the app in a child
 * JVM that maps a class-data-sharing archive of the app's classes (AppCDS), made by the first run. JDK only.
 */
package org.habarshy.desktop.launch;
