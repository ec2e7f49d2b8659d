package dev.sfnrun.cli;
public final class SfnRun { public static void main(String[] a) { System.out.println("hi"); } }
