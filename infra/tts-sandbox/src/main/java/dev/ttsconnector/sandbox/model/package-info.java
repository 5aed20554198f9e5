/**
 * The sandbox's mutable state objects. They are plain holders with public fields; every read and write happens
 * while holding the lock of {@link dev.ttsconnector.sandbox.SandboxState}, which is what makes them thread-safe.
 */
package dev.ttsconnector.sandbox.model;
