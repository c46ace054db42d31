JIT="-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --module-path=/work/main/sample-app/target/graal-jit --add-modules=jdk.graal.compiler --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
HELLO="--server.port=18080 --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:/work/main/bench/apps/hello.wsgi --wsgi.script-aliases[0].preload=true"
