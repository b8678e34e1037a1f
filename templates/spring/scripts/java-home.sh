#!/bin/sh
# Prints the home of a Java 21 or newer: $JAVA_HOME if it is one, else the `java` on
# PATH, else the newest JDK in the usual folders. Prints nothing when there is none.
# The Makefile runs this once, and every command then uses that Java.

major() {
    # "openjdk version "25.0.1" ..." or "java version "1.8.0_..."" -> 25 or 1
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

good() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(major "$1")" -ge 21 ] 2>/dev/null
}

if [ -n "$JAVA_HOME" ] && good "$JAVA_HOME"; then
    echo "$JAVA_HOME"
    exit 0
fi
if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if good "$home"; then
        echo "$home"
        exit 0
    fi
fi
# Linux packages and installers, macOS, SDKMAN!: the newest version wins.
for home in $(ls -d /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
    "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -t- -k2 -V -r); do
    if good "$home"; then
        echo "$home"
        exit 0
    fi
done
