from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("<slug:slug>/", views.tag_page, name="tag"),
    path("<slug:slug>/page/<str:number>/", views.tag_page, name="tag-page"),
]
