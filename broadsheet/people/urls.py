from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("<slug:slug>/", views.author_page, name="author"),
    path("<slug:slug>/page/<str:number>/", views.author_page, name="author-page"),
]
