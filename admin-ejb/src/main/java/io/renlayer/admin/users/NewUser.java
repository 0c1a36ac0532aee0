package io.renlayer.admin.users;

/** A user to create or the fields of one to change; null means "not given". */
public record NewUser(String email, String displayName, String role, String password, Boolean disabled) {}
