/* VA_READER(symbol): every reader, each defined in readers/<symbol>.c as
 * `const struct va_reader va_reader_<symbol>`. */
VA_READER(state_file)
