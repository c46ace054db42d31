G=/work/main/sample-app/target/graal-jit
A=/work/main/bench/apps
UPG="-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$G"
MP="-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --module-path=$G --add-modules=jdk.graal.compiler"
RT0=/tmp/s26/rt0/bin/java
THREE="--wsgi.python-path[0]=/usr/lib/python3/dist-packages --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true --wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$A/echo.wsgi --wsgi.script-aliases[1].preload=true --wsgi.script-aliases[2].url=/flask --wsgi.script-aliases[2].path=file:$A/flask_app.wsgi --wsgi.script-aliases[2].preload=true --spring.profiles.active=bench"
