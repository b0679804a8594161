# Checks std.env (args, var, var_os, temp_dir) and std.fs write, read_to_string and remove_file on a temp file
rimport std.env
rimport std.fs
rimport std.process
let args: Vec<String> = std.env.args().collect()
print(len(args) >= 1)
path_var = std.env.var("PATH")
print(len(path_var) > 0)
print(std.env.var_os("KEYTON_SURELY_UNSET_VARIABLE_1234").is_none())
name = f"keyton_std_env_and_fs_{std.process.id()}.txt"
path = std.env.temp_dir().join(name)
std.fs.write(path.clone(), "alpha\nbeta\ngamma\n")
text = std.fs.read_to_string(path.clone())
print(text.len())
for line in text.lines():
    print(line.to_uppercase())
print(path.exists())
std.fs.remove_file(path.clone())
print(path.exists())
