# A one-file Django project (Debian's python3-django): settings, URLs and views
# in this module.

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY='test-only-not-secret',
        ALLOWED_HOSTS=['*'],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=['django.middleware.common.CommonMiddleware'],
        INSTALLED_APPS=[],
        TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [], 'OPTIONS': {}}],
    )

from django.core.wsgi import get_wsgi_application

# sets Django up (apps registry), before templates can be compiled
application = get_wsgi_application()

from django.http import HttpResponse, JsonResponse
from django.template import engines
from django.urls import path

_PAGE = engines['django'].from_string('<h1>Hello {{ name }}</h1>')


def hello(request, name):
    return HttpResponse(_PAGE.render({'name': name}))


def info(request):
    return JsonResponse({'script_name': request.META['SCRIPT_NAME'], 'path': request.path,
                         'path_info': request.path_info, 'method': request.method})


urlpatterns = [path('hello/<str:name>', hello), path('info', info)]
